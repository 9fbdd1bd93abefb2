// Picks several organizations of the tree by typing the beginnings of words of their names
// (accent-insensitive, searched on the server): a document's recipients, the organizations an
// incoming document is passed down to. `within` keeps only a subtree (its path, "/1/613/").
import { useQuery, useQueries } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { orgPathLabel } from '@/lib/org-path';
import { orgQuery, orgSearchQuery } from '@/lib/org-queries';
import type { OrgDetail } from '@/types';

interface Option {
  value: number;
  label: string;
}

export function OrgMultiPicker({
  value,
  onChange,
  within,
  id,
  status,
  placeholder,
  testId,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  within?: string;
  id?: string;
  status?: 'error' | 'warning';
  placeholder?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 150);
  const search = useQuery({ ...orgSearchQuery({ q, limit: 30 }), enabled: q.length > 0 });
  const chosen = useQueries({
    queries: (value ?? []).map((org) => ({ ...orgQuery(org), staleTime: 60_000 })),
  });

  const options = useMemo(() => {
    const seen = new Set<number>();
    const list: Option[] = [];
    const add = (org: OrgDetail | undefined) => {
      if (!org || seen.has(org.id)) return;
      seen.add(org.id);
      list.push({ value: org.id, label: orgPathLabel(org) });
    };
    chosen.forEach((query) => add(query.data));
    (search.data ?? [])
      .filter((org) => org.status === 'active' && (!within || org.path.startsWith(within)))
      .forEach(add);
    return list;
  }, [chosen, search.data, within]);

  return (
    <Select<number[], Option>
      id={id}
      mode="multiple"
      data-testid={testId}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value ?? []}
      status={status}
      placeholder={placeholder ?? t('orgPicker.placeholder')}
      loading={search.isFetching}
      popupMatchSelectWidth={false}
      notFoundContent={
        q.length === 0
          ? t('orgPicker.typeToSearch')
          : search.isFetching
            ? t('common.loading')
            : t('orgPicker.noMatch')
      }
      options={options}
      onChange={(next) => {
        setText('');
        onChange?.(next);
      }}
    />
  );
}
