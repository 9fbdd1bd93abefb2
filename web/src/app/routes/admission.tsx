// /admission?org=<cell>&candidate=<file>: a cell's admission board; without ?org= the
// remembered scope when it is a cell.
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AdmissionBoard } from '@/features/admission/components/admission-board';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useScope } from '../scope';

function positive(text: string | null): number | undefined {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}

export default function AdmissionPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const scope = useScope();
  useDocumentTitle(t('nav.admission'));
  const org = positive(search.get('org')) ?? scope;
  const candidate = positive(search.get('candidate'));
  const set = (changes: Record<string, number | undefined>) => {
    const next = new URLSearchParams(search);
    if (org && !next.get('org')) next.set('org', String(org));
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, String(value));
      else next.delete(key);
    }
    setSearch(next);
  };
  return (
    <AdmissionBoard
      org={org}
      candidate={candidate}
      onOrgChange={(next) => set({ org: next, candidate: undefined })}
      onOpen={(next) => set({ candidate: next })}
    />
  );
}
