// The dialogs behind the dashboard's actions, in one module loaded on first use (they bring
// the form and date-picker code, which the dashboard itself does not need). Each dialog is
// mounted only while open, so it starts fresh every time.
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '@/config/paths';
import type { OrgDetail } from '@/types';
import type { OrgAction } from './org-header';
import { OrgDissolveModal } from './org-dissolve-modal';
import { OrgFormModal } from './org-form-modal';
import { OrgMergeModal } from './org-merge-modal';
import { OrgMoveModal } from './org-move-modal';

export default function OrgActionModals({
  org,
  action,
  onClose,
  onReload,
}: {
  org: OrgDetail;
  action: OrgAction | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  return (
    <>
      {action === 'create' && (
        <OrgFormModal
          mode="create"
          parent={org}
          open={action === 'create'}
          onClose={onClose}
          onDone={(created) => {
            onClose();
            message.success(t('org.form.created', { name: created.name }));
            navigate(paths.org(created.id));
          }}
        />
      )}
      {action === 'edit' && (
        <OrgFormModal
          mode="edit"
          org={org}
          open={action === 'edit'}
          onClose={onClose}
          onReload={onReload}
          onDone={() => {
            onClose();
            message.success(t('common.saved'));
          }}
        />
      )}
      {action === 'move' && (
        <OrgMoveModal
          org={org}
          open={action === 'move'}
          onClose={onClose}
          onDone={() => {
            onClose();
            message.success(t('org.move.done'));
          }}
        />
      )}
      {action === 'merge' && (
        <OrgMergeModal
          org={org}
          open={action === 'merge'}
          onClose={onClose}
          onDone={(target) => {
            onClose();
            message.success(t('org.merge.done'));
            navigate(paths.org(target));
          }}
        />
      )}
      {action === 'dissolve' && (
        <OrgDissolveModal
          org={org}
          open={action === 'dissolve'}
          onClose={onClose}
          onDone={() => {
            onClose();
            message.success(t('org.dissolve.done'));
            navigate(org.parent_id ? paths.org(org.parent_id) : paths.orgs());
          }}
        />
      )}
    </>
  );
}
