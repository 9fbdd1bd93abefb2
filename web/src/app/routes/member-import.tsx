// /members/import?id=: upload a members file (CSV, XLSX) and follow its import (issue 16).
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  MemberImportProgress,
  MemberImportUpload,
} from '@/features/member-imports/components/member-import-view';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RequirePermission } from '../layout/require-permission';

export default function MemberImportPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  useDocumentTitle(t('memberImport.title'));
  const id = Number(search.get('id'));
  return (
    <RequirePermission permission="member.import">
      <Flex vertical gap="middle">
        <Typography.Title level={2}>{t('memberImport.title')}</Typography.Title>
        <MemberImportUpload onStarted={(started) => setSearch({ id: String(started) })} />
        {Number.isInteger(id) && id > 0 && <MemberImportProgress key={id} id={id} />}
      </Flex>
    </RequirePermission>
  );
}
