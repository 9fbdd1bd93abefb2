// A member of the organization's subtree picked by name, for a committee seat; each option
// shows the member's status and cell (the server checks that the member is official and
// belongs to the organization).
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { api } from '@/lib/api-client';
import { useCatalogLabel } from '@/lib/catalogs';
import type { MemberPage } from '@/types';

export function SeatMemberSelect({
  org,
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  org: number;
  value?: number | null;
  onChange?: (id: number | null) => void;
  id?: string;
  'aria-label'?: string;
}) {
  const { t } = useTranslation();
  const label = useCatalogLabel();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q, 250);
  const search = useQuery({
    queryKey: ['terms', 'members', org, debounced],
    queryFn: ({ signal }) =>
      api<MemberPage>('/members', {
        params: { org, q: debounced, status: 'official', page_size: 20 },
        signal,
      }),
    staleTime: 30_000,
  });
  const [chosen, setChosen] = useState<{ value: number; label: string }[]>([]);
  const options = (search.data?.items ?? []).map((member) => ({
    value: member.id,
    label: `${member.full_name} · ${label('member_statuses', member.status)} · ${member.org_name ?? ''}`,
  }));
  const all = [...chosen.filter((c) => !options.some((o) => o.value === c.value)), ...options];
  return (
    <Select
      id={id}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value ?? undefined}
      placeholder={t('terms.searchMember')}
      options={all}
      loading={search.isFetching}
      allowClear
      data-testid="seat-member-select"
      onChange={(next: number | undefined) => {
        const option = all.find((item) => item.value === next);
        if (option) setChosen([option]);
        onChange?.(next ?? null);
      }}
      popupMatchSelectWidth={false}
    />
  );
}
