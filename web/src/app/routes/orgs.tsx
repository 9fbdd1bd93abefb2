// /orgs/:orgId: the tree with the organization's dashboard. /orgs alone opens the remembered
// scope, else the first root.
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { LoadingState } from '@/components/page-state';
import { paths } from '@/config/paths';
import { OrgExplorer } from '@/features/orgs/components/org-explorer';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { orgQuery, rootsQuery } from '@/lib/org-queries';
import { forgetScope, rememberedScope } from '../scope';

export default function OrgsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const params = useParams();
  const id = Number(params.orgId);
  const selected = Number.isInteger(id) && id > 0 ? id : undefined;
  const org = useQuery({ ...orgQuery(selected ?? 0), enabled: !!selected });
  useDocumentTitle(org.data?.name ?? t('nav.orgs'));

  if (params.orgId !== undefined && !selected) return <Navigate to={paths.orgs()} replace />;
  if (!selected) return <DefaultOrg />;
  return <OrgExplorer selectedId={selected} onSelect={(next) => navigate(paths.org(next))} />;
}

function DefaultOrg() {
  const navigate = useNavigate();
  const roots = useQuery(rootsQuery());
  const remembered = rememberedScope();
  const first = roots.data?.[0]?.id;
  useEffect(() => {
    if (remembered) navigate(paths.org(remembered), { replace: true });
    else if (first) navigate(paths.org(first), { replace: true });
  }, [remembered, first, navigate]);
  if (remembered || roots.isPending) return <LoadingState rows={8} />;
  if (roots.isError) forgetScope();
  return <OrgExplorer onSelect={(next) => navigate(paths.org(next))} />;
}
