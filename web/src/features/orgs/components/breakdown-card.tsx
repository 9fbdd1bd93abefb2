// A breakdown as a chart with its numbers beside it: value, count and share of the total.
import { Card, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCatalogLabel } from '@/lib/catalogs';
import { formatNumber, formatPercent } from '@/lib/format';
import type { Catalogs, CountByValue } from '@/types';
import { orderRows, type Dimension } from '../lib/breakdowns';
import { BreakdownChart, palette } from './breakdown-chart';

export function BreakdownCard({
  dimension,
  rows,
  catalogs,
}: {
  dimension: Dimension;
  rows: CountByValue[];
  catalogs?: Catalogs;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useCatalogLabel();
  const title = t(`org.breakdown.${dimension.key}`);
  const ordered = useMemo(() => orderRows(dimension, rows, catalogs), [dimension, rows, catalogs]);
  const total = ordered.reduce((sum, row) => sum + row.count, 0);
  const nameOf = useCallback(
    (value: string) => {
      if (dimension.key === 'age_band') return t(`org.ageBand.${value}`, { defaultValue: value });
      if (dimension.list) return label(dimension.list, value);
      if (value === '') return t('common.unknown');
      return value;
    },
    [dimension, label, t],
  );
  const chartRows = useMemo(
    () => ordered.map((row) => ({ label: nameOf(row.value), count: row.count })),
    [ordered, nameOf],
  );
  const formatValue = useCallback((value: number) => formatNumber(value, lang), [lang]);

  return (
    <Card size="small" title={title} className="breakdown-card">
      {ordered.length === 0 ? (
        <Typography.Text type="secondary">{t('org.breakdown.empty')}</Typography.Text>
      ) : (
        <div className="breakdown">
          <div className="breakdown-chart">
            <BreakdownChart
              rows={chartRows}
              kind={dimension.chart}
              title={title}
              formatValue={formatValue}
              otherLabel={t('org.breakdown.other')}
            />
          </div>
          <div className="breakdown-numbers">
            <table className="numbers-table" data-testid={`breakdown-${dimension.key}`}>
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('org.breakdown.value')}</th>
                  <th scope="col" className="num">
                    {t('org.breakdown.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('org.breakdown.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ordered.map((row, index) => (
                  <tr key={row.value} data-value={row.value}>
                    <th scope="row">
                      {dimension.chart === 'pie' && (
                        <span
                          className="swatch"
                          style={{ background: palette[index % palette.length] }}
                          aria-hidden
                        />
                      )}
                      {nameOf(row.value)}
                    </th>
                    <td className="num" data-count={row.count}>
                      {formatNumber(row.count, lang)}
                    </td>
                    <td className="num">{formatPercent(row.count, total, lang)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('common.total')}</th>
                  <td className="num">{formatNumber(total, lang)}</td>
                  <td className="num">100%</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
