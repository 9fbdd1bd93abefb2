// The member's discipline (personal history item 21) as the server derives it: the decided
// discipline cases in force, newest first, each a link to its case, and the free text recorded
// before the cases existed (the legacy note). Shown only when the server sent it (discipline.read
// over the member; the read is audited there). Nothing here is typed in: a case records it.
import { Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { MemberDetail } from '@/types';

export function MemberDiscipline({ member }: { member: MemberDetail }) {
  const { t } = useTranslation();
  const cases = member.discipline_cases ?? [];
  const legacy = member.discipline_legacy;
  return (
    <Card size="small" title={t('member.groups.restricted')} data-testid="member-discipline">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {cases.length === 0 && !legacy && (
          <Typography.Text type="secondary">{t('discipline.memberView.none')}</Typography.Text>
        )}
        {cases.length > 0 && (
          <List
            size="small"
            dataSource={cases}
            renderItem={(item) => (
              <List.Item key={item.case_id} data-testid="member-discipline-case">
                <Space wrap size={[8, 4]}>
                  <Tag color="volcano">{t(`discipline.sanctions.${item.sanction}`)}</Tag>
                  <Link to={paths.disciplineCase(item.case_id)}>
                    {item.decision_number
                      ? t('discipline.memberView.decision', {
                          number: item.decision_number,
                          date: formatDate(item.decided_on),
                        })
                      : t('discipline.memberView.decisionOf', {
                          level: item.competent_level ?? '',
                          date: formatDate(item.decided_on),
                        })}
                  </Link>
                  {item.appeal_outcome === 'reduced' && (
                    <Typography.Text type="secondary">
                      {t('discipline.memberView.reduced')}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
        {legacy && (
          <div data-testid="member-discipline-legacy">
            <Typography.Text type="secondary">
              {t('discipline.memberView.legacy')}:{' '}
            </Typography.Text>
            <Typography.Text>{legacy}</Typography.Text>
          </div>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('discipline.memberView.hint')}
        </Typography.Text>
      </Space>
    </Card>
  );
}
