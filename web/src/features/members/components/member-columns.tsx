// The member table's columns. "full_name" is always shown; the rest can be chosen.
import { Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { TableColumnType } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { useCatalogLabel, useFieldLabel } from '@/lib/catalogs';
import { formatDate, formatNumber } from '@/lib/format';
import type { Member } from '@/types';
import type { SortKey } from '../lib/list-params';
import { StatusTag } from './field-value';

export const defaultColumns = [
  'birth_date',
  'sex',
  'ethnicity',
  'org_name',
  'admission_date',
  'official_date',
  'status',
];
export const optionalColumns = [
  'birth_date',
  'age',
  'sex',
  'ethnicity',
  'religion',
  'citizen_id',
  'party_card_no',
  'phone',
  'email',
  'org_name',
  'admission_date',
  'official_date',
  'status',
  'general_education',
  'professional_qualification',
  'political_theory',
  'occupation',
  'position',
  'work_unit',
  'home_town',
  'current_residence',
];

const sortable: Record<string, 'name' | 'age' | 'admission_date'> = {
  full_name: 'name',
  age: 'age',
  admission_date: 'admission_date',
};

/** The member's name linking to their page; the list's address goes along for "back". */
function MemberLink({ member }: { member: Member }) {
  const location = useLocation();
  return (
    <Link to={paths.member(member.id)} state={{ from: `${location.pathname}${location.search}` }}>
      {member.full_name}
      {member.birth_name && member.birth_name !== member.full_name ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {member.birth_name}
        </Typography.Text>
      ) : null}
    </Link>
  );
}

export function useMemberColumns(sort: SortKey, offset: number, visible: string[]) {
  const { t, i18n } = useTranslation();
  const fieldLabel = useFieldLabel();
  const label = useCatalogLabel();
  const lang = i18n.language;

  const titleOf = useCallback(
    (key: string) =>
      key === 'age'
        ? t('members.col.age')
        : key === 'org_name'
          ? t('members.col.org')
          : fieldLabel(key),
    [t, fieldLabel],
  );

  const columns = useMemo(() => {
    const order = (key: string): SortOrder | undefined => {
      const by = sortable[key];
      if (!by) return undefined;
      if (sort === by) return 'ascend';
      if (sort === `-${by}`) return 'descend';
      return null;
    };

    const render = (key: string): TableColumnType<Member>['render'] => {
      switch (key) {
        case 'birth_date':
        case 'admission_date':
        case 'official_date':
          return (_, row) => formatDate(row[key]);
        case 'age':
          return (_, row) => (row.age === null ? '' : formatNumber(row.age, lang));
        case 'sex':
          return (_, row) => label('sexes', row.sex);
        case 'ethnicity':
          return (_, row) => label('ethnicities', row.ethnicity);
        case 'religion':
          return (_, row) => label('religions', row.religion);
        case 'professional_qualification':
          return (_, row) => label('professional_qualifications', row.professional_qualification);
        case 'political_theory':
          return (_, row) => label('political_theory_levels', row.political_theory);
        case 'occupation':
          return (_, row) => label('occupations', row.occupation);
        case 'status':
          return (_, row) => <StatusTag status={row.status} />;
        case 'org_name':
          return (_, row) => <Link to={paths.org(row.org_id)}>{row.org_name}</Link>;
        default:
          return (_, row) => (row as unknown as Record<string, string | null>)[key] ?? '';
      }
    };

    const width: Record<string, number> = {
      birth_date: 104,
      admission_date: 112,
      official_date: 112,
      age: 64,
      sex: 72,
      ethnicity: 88,
      status: 168,
      citizen_id: 128,
      org_name: 210,
      position: 180,
      work_unit: 240,
      current_residence: 240,
    };
    const clipped = new Set([
      'org_name',
      'position',
      'work_unit',
      'current_residence',
      'home_town',
    ]);

    const build = (): TableColumnType<Member>[] => [
      {
        key: 'index',
        title: t('members.col.index'),
        width: 56,
        align: 'right',
        fixed: 'left',
        render: (_, __, index) => formatNumber(offset + index + 1, lang),
      },
      {
        key: 'full_name',
        dataIndex: 'full_name',
        title: fieldLabel('full_name'),
        fixed: 'left',
        width: 184,
        sorter: true,
        sortOrder: order('full_name'),
        sortDirections: ['ascend', 'descend', 'ascend'],
        showSorterTooltip: { title: t('members.nameOrder') },
        render: (_, row) => <MemberLink member={row} />,
      },
      ...visible.map<TableColumnType<Member>>((key) => ({
        key,
        title: titleOf(key),
        width: width[key],
        align: key === 'age' ? 'right' : undefined,
        sorter: key in sortable,
        sortOrder: order(key),
        sortDirections: key in sortable ? ['ascend', 'descend', 'ascend'] : undefined,
        render: render(key),
        ellipsis: clipped.has(key) ? { showTitle: true } : undefined,
      })),
    ];

    return build();
  }, [sort, offset, visible, lang, label, fieldLabel, t, titleOf]);

  return { columns, titleOf };
}
