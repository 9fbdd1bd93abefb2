// Picks an organization by typing part of its name (accent-insensitive, searched on the server).
// Used for the working scope, a member's cell, and the target of a move or merge.
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useCatalogLabel } from '@/lib/catalogs';
import { orgQuery, orgSearchQuery } from '@/lib/org-queries';
import type { Org } from '@/types/api';

export interface OrgPickerProps {
  value?: number | null;
  onChange?: (id: number | null, org?: Org) => void;
  /** Only organizations that hold members directly (cells, base cells, party groups). */
  holdsMembersOnly?: boolean;
  /** Leave out this subtree (its path, e.g. "/1/613/"), as when moving an organization. */
  excludePath?: string;
  /** Leave out organizations for which this returns false. */
  accept?: (org: Org) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: React.CSSProperties;
  status?: 'error' | 'warning';
  'aria-label'?: string;
  size?: 'small' | 'middle' | 'large';
  variant?: 'outlined' | 'borderless' | 'filled' | 'underlined';
}

export function OrgPicker({
  value,
  onChange,
  holdsMembersOnly,
  excludePath,
  accept,
  placeholder,
  allowClear,
  id,
  style,
  status,
  size,
  variant,
  ...rest
}: OrgPickerProps) {
  const { t } = useTranslation();
  const label = useCatalogLabel();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 150);
  const search = useQuery({ ...orgSearchQuery(q, 30), enabled: q.length > 0 });
  const selected = useQuery({ ...orgQuery(value ?? 0), enabled: !!value });

  const found = useMemo(() => {
    const items = (search.data ?? []).filter(
      (org) =>
        org.status === 'active' &&
        (!holdsMembersOnly || org.holds_members) &&
        (!excludePath || !org.path.startsWith(excludePath)) &&
        (!accept || accept(org)),
    );
    return items;
  }, [search.data, holdsMembersOnly, excludePath, accept]);

  const options = useMemo(() => {
    const list = found.map((org) => ({
      value: org.id,
      label: org.name,
      org,
    }));
    if (value && selected.data && !list.some((option) => option.value === value)) {
      list.unshift({ value, label: selected.data.name, org: selected.data });
    }
    return list;
  }, [found, selected.data, value]);

  return (
    <Select<number>
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('orgPicker.placeholder')}
      allowClear={allowClear}
      style={style}
      size={size}
      variant={variant}
      status={status}
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
      optionRender={(option) => {
        const org = (option.data as { org: Org }).org;
        return (
          <Space orientation="vertical" size={0} style={{ maxWidth: 520 }}>
            <span>{org.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label('org_kinds', org.kind)}
              {org.code ? ` · ${org.code}` : ''}
            </Typography.Text>
          </Space>
        );
      }}
      onChange={(next, option) => {
        setText('');
        const org = option && !Array.isArray(option) ? (option as { org?: Org }).org : undefined;
        onChange?.(next ?? null, org);
      }}
    />
  );
}
