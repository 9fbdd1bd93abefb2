// /orgs/:orgId: the tree with the organization's dashboard. /orgs alone opens the remembered
// scope, else the first root (the address is then completed to /orgs/:id).
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { paths } from '@/config/paths';
import { OrgExplorer } from '@/features/orgs/components/org-explorer';
import { CommitteePanel } from '@/features/terms/components/committee-panel';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { orgQuery, rootsQuery } from '@/lib/org-queries';
import { rememberedScope } from '../scope';

function positive(text: string | undefined): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export default function OrgsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const named = positive(params.orgId);
  const roots = useQuery({ ...rootsQuery(), enabled: !named });
  const fallback = named ? undefined : (rememberedScope() ?? roots.data?.[0]?.id);
  const selected = named ?? fallback;
  const org = useQuery({ ...orgQuery(selected ?? 0), enabled: !!selected });
  useDocumentTitle(org.data?.name ?? t('nav.orgs'));

  useEffect(() => {
    if (fallback) navigate(paths.org(fallback), { replace: true });
  }, [fallback, navigate]);

  if (params.orgId !== undefined && !named) return <Navigate to={paths.orgs()} replace />;
  // One element for both cases, so the tree and its search keep their state across the
  // redirect from /orgs to /orgs/:id.
  return (
    <OrgExplorer
      selectedId={selected}
      onSelect={(next) => navigate(paths.org(next))}
      committee={(org) => <CommitteePanel orgId={org.id} orgKind={org.kind} />}
    />
  );
}
