// Picks an organization by typing the beginnings of words of its name (accent-insensitive,
// searched on the server). Used for the working scope, a member's cell, and the target of a
// move or merge. Each option shows its ancestors, so namesakes can be told apart.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useCatalogLabel } from '@/lib/catalogs';
import { ancestorPath, nameSeparator, orgPathLabel } from '@/lib/org-path';
import { orgQuery, orgSearchQuery, seedOrgDetail } from '@/lib/org-queries';
import type { OrgDetail } from '@/types';

export interface OrgPickerProps {
  value?: number | null;
  onChange?: (id: number | null, org?: OrgDetail) => void;
  /**
   * Only organizations that hold members directly (cells, base cells, party groups) when true;
   * only the others when false. Filtered by the server (holds_members).
   */
  holdsMembers?: boolean;
  /** Only these kinds (filtered by the server). */
  kinds?: string[];
  /** Leave out this subtree (its path, e.g. "/1/613/"), as when moving an organization. */
  excludePath?: string;
  /** Leave out organizations for which this returns false. */
  accept?: (org: OrgDetail) => boolean;
  placeholder?: string;
  allowClear?: boolean;
  disabled?: boolean;
  id?: string;
  style?: React.CSSProperties;
  status?: 'error' | 'warning';
  'aria-label'?: string;
  size?: 'small' | 'middle' | 'large';
  variant?: 'outlined' | 'borderless' | 'filled' | 'underlined';
}

interface Option {
  value: number;
  label: string;
  title: string;
  org: OrgDetail;
}

const toOption = (org: OrgDetail): Option => {
  const label = orgPathLabel(org);
  return { value: org.id, label, title: label, org };
};

export function OrgPicker({
  value,
  onChange,
  holdsMembers,
  kinds,
  excludePath,
  accept,
  placeholder,
  allowClear,
  disabled,
  id,
  style,
  status,
  size,
  variant,
  ...rest
}: OrgPickerProps) {
  const { t } = useTranslation();
  const label = useCatalogLabel();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 150);
  const search = useQuery({
    ...orgSearchQuery({ q, limit: 30, kinds, holdsMembers }),
    enabled: q.length > 0,
  });
  const selected = useQuery({ ...orgQuery(value ?? 0), enabled: !!value });

  const options = useMemo(() => {
    const list = (search.data ?? [])
      .filter(
        (org) =>
          org.status === 'active' &&
          (!excludePath || !org.path.startsWith(excludePath)) &&
          (!accept || accept(org)),
      )
      .map(toOption);
    if (value && selected.data && !list.some((option) => option.value === value)) {
      list.unshift(toOption(selected.data));
    }
    return list;
  }, [search.data, excludePath, accept, selected.data, value]);

  return (
    <Select<number, Option>
      id={id}
      aria-label={rest['aria-label']}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      value={value ?? undefined}
      placeholder={placeholder ?? t('orgPicker.placeholder')}
      allowClear={allowClear}
      disabled={disabled}
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
        const org = option.data.org;
        const path = ancestorPath(org.ancestors);
        return (
          <Space
            orientation="vertical"
            size={0}
            style={{ maxWidth: 560, whiteSpace: 'normal' }}
            className="org-option"
            data-org-id={org.id}
          >
            <span>
              <span className="org-option-name">{org.name}</span>
              {path && (
                <Typography.Text type="secondary" className="org-option-path">
                  {nameSeparator}
                  {path}
                </Typography.Text>
              )}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {label('org_kinds', org.kind)}
              {org.code ? ` · ${org.code}` : ''}
            </Typography.Text>
          </Space>
        );
      }}
      onChange={(next, option) => {
        setText('');
        const org = option && !Array.isArray(option) ? option.org : undefined;
        // Search results carry their ancestors: whatever opens the picked organization next
        // (the tree, its dashboard, this picker's own label) need not fetch it again.
        if (org) seedOrgDetail(client, org, search.dataUpdatedAt || undefined);
        onChange?.(next ?? null, org);
      }}
    />
  );
}
