// An introducer picked from the registry by name, among the base organization's members; each
// option shows the member's status and cell (the server checks that an introducer is an
// official member of the same base organization).
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useCatalogLabel } from '@/lib/catalogs';
import { useIntroducerSearch } from '../api/candidates';

export function MemberSelect({
  org,
  value,
  onChange,
  id,
  status,
  'aria-label': ariaLabel,
}: {
  org: number | undefined;
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
  status?: 'error' | 'warning';
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const label = useCatalogLabel();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 250);
  const search = useIntroducerSearch(org, debounced);
  const [chosen, setChosen] = useState<{ value: number; label: string }[]>([]);
  const options = (search.data?.items ?? []).map((member) => ({
    value: member.id,
    label: `${member.full_name} · ${label('member_statuses', member.status)} · ${member.org_name ?? ''}`,
  }));
  const all = [...chosen.filter((c) => !options.some((o) => o.value === c.value)), ...options];
  return (
    <Select
      id={id}
      status={status}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={t('admission.record.searchMember')}
      options={all}
      loading={search.isFetching}
      allowClear
      data-testid="introducer-select"
      onChange={(next: number | undefined) => {
        const option = all.find((item) => item.value === next);
        if (option) setChosen([option]);
        onChange?.(next ?? null);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
