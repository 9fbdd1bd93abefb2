// One member field's value as people read it: catalog names instead of codes, dd/mm/yyyy
// dates, the cell as a link.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { entryLabel, useCatalogLabel, useCatalogs } from '@/lib/catalogs';
import { formatDate } from '@/lib/format';
import type { MemberDetail } from '@/types';
import { fieldSpec } from '../lib/fields';

export const statusColors: Record<string, string> = {
  official: 'green',
  probationary: 'gold',
  exempted: 'blue',
  transferred_temporarily: 'cyan',
  removed: 'default',
  expelled: 'red',
  left: 'default',
  deceased: 'default',
};

export function StatusTag({ status }: { status: string }) {
  const label = useCatalogLabel();
  return <Tag color={statusColors[status] ?? 'default'}>{label('member_statuses', status)}</Tag>;
}

/** A stored field text (as in history entries: codes, ISO dates) made readable. */
export function useFieldText() {
  const label = useCatalogLabel();
  return (name: string, value: string | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '';
    const spec = fieldSpec(name);
    if (!spec) return value;
    if (spec.kind === 'date') return formatDate(value);
    if (spec.list) return label(spec.list, value);
    return value;
  };
}

/** An exit ground's name in the UI language (the code when unknown). */
export function useExitGroundLabel() {
  const { data } = useCatalogs();
  const { i18n } = useTranslation();
  return (code: string | null | undefined): string => {
    if (!code) return '';
    const ground = data?.exit_grounds.find((item) => item.code === code);
    return ground ? entryLabel(ground, i18n.language) : code;
  };
}

export function FieldValue({ member, name }: { member: MemberDetail; name: string }) {
  const { t } = useTranslation();
  const text = useFieldText();
  const groundLabel = useExitGroundLabel();
  const empty = <Typography.Text type="secondary">—</Typography.Text>;
  switch (name) {
    case 'org_id':
      return <Link to={paths.org(member.org.id)}>{member.org.name}</Link>;
    case 'status':
      return <StatusTag status={member.status} />;
    case 'aliases':
      return member.aliases.length ? <>{member.aliases.join('; ')}</> : empty;
    case 'birth_date':
      return member.birth_date ? (
        <>
          {formatDate(member.birth_date)}
          {member.age !== null && (
            <Typography.Text type="secondary">
              {' '}
              ({t('member.age', { age: member.age })})
            </Typography.Text>
          )}
        </>
      ) : (
        empty
      );
    case 'exit_ground':
      return member.exit_ground ? <>{groundLabel(member.exit_ground)}</> : empty;
    case 'phone':
      return member.phone ? <a href={`tel:${member.phone}`}>{member.phone}</a> : empty;
    case 'email':
      return member.email ? <a href={`mailto:${member.email}`}>{member.email}</a> : empty;
    default: {
      const value = text(name, (member as unknown as Record<string, string | null>)[name]);
      return value ? <>{value}</> : empty;
    }
  }
}
