// A month's dues status when nothing is due: exempt at 50 years of party age, exempt by
// decision, no basis recorded, no rule in force, not a member of the party that month.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuesDue } from '@/types';

const colors: Record<DuesDue['status'], string> = {
  due: 'default',
  exempt_party_age: 'gold',
  exempt_decision: 'green',
  no_basis: 'red',
  no_rule: 'red',
  not_member: 'default',
};

export function DuesStatusTag({ status }: { status: DuesDue['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="dues-status">
      {t(`dues.statuses.${status}`)}
    </Tag>
  );
}
