import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import type { OrgCounts as Counts } from '@/types';

const keys: (keyof Counts)[] = ['on_roll', 'official', 'probationary', 'total'];

/** The subtree's member counts, as the API gives them. */
export function OrgCounts({ counts }: { counts: Counts }) {
  const { t, i18n } = useTranslation();
  return (
    <Row gutter={[12, 12]} data-testid="org-counts">
      {keys.map((key) => (
        <Col xs={12} md={6} key={key}>
          <Card size="small">
            <Statistic
              title={t(`org.counts.${key}`)}
              value={counts[key]}
              formatter={(value) => (
                <span data-count-key={key} data-count={value}>
                  {formatNumber(Number(value), i18n.language)}
                </span>
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
