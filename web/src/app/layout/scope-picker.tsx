// The header's "working in" picker: choosing an organization keeps the current work area and
// switches its scope (the tree opens it; the member list filters to it). Its search finds only
// organizations within the user's scopes (the server filters).
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { OrgPicker } from '@/components/org-picker';
import { paths } from '@/config/paths';
import { scopeIds } from '@/lib/permissions';
import { useMe } from '@/lib/session';
import { forgetScope, useScope } from '../scope';

export function ScopePicker() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const scope = useScope();
  // A scoped user's "everything" is their scope (the server shows nothing else).
  const scoped = scopeIds(useMe()) !== null;

  const choose = (id: number | null) => {
    if (!id) forgetScope();
    if (location.pathname.startsWith('/orgs')) {
      navigate(id ? paths.org(id) : paths.orgs());
    } else if (location.pathname === '/members') {
      const next = new URLSearchParams(search);
      if (id) next.set('org', String(id));
      else next.delete('org');
      next.delete('page');
      navigate(paths.members(next));
    } else {
      navigate(paths.membersOf(id ?? undefined));
    }
  };

  return (
    <div className="scope-picker">
      <label htmlFor="scope-picker" className="scope-label">
        {t('app.scope')}
      </label>
      <OrgPicker
        id="scope-picker"
        value={scope ?? null}
        onChange={choose}
        allowClear
        placeholder={scoped ? t('app.scopeMine') : t('app.scopeAll')}
        style={{ width: '100%' }}
      />
    </div>
  );
}
