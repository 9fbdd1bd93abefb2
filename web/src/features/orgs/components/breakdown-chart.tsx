// One breakdown drawn with ECharts (loaded on demand: the chart library is its own chunk).
import { lazy, Suspense, useMemo } from 'react';

const EChart = lazy(() => import('@/components/echart'));

export const palette = [
  '#b71c1c',
  '#f9a825',
  '#1565c0',
  '#2e7d32',
  '#6a1b9a',
  '#ef6c00',
  '#00838f',
  '#8d6e63',
  '#546e7a',
  '#d81b60',
];

export interface ChartRow {
  label: string;
  count: number;
}

const maxBars = 10;

export function BreakdownChart({
  rows,
  kind,
  title,
  formatValue,
  otherLabel,
}: {
  rows: ChartRow[];
  kind: 'pie' | 'bar';
  title: string;
  formatValue: (value: number) => string;
  otherLabel: string;
}) {
  const shown = useMemo(() => {
    if (rows.length <= maxBars) return rows;
    const head = rows.slice(0, maxBars - 1);
    const rest = rows.slice(maxBars - 1).reduce((sum, row) => sum + row.count, 0);
    return [...head, { label: otherLabel, count: rest }];
  }, [rows, otherLabel]);

  const option = useMemo(() => {
    const tooltip = {
      trigger: 'item' as const,
      valueFormatter: (value: unknown) => formatValue(Number(value)),
    };
    if (kind === 'pie') {
      return {
        color: palette,
        aria: { enabled: true, label: { description: title } },
        tooltip,
        series: [
          {
            type: 'pie',
            radius: ['45%', '75%'],
            avoidLabelOverlap: true,
            label: { show: false },
            data: shown.map((row) => ({ name: row.label, value: row.count })),
          },
        ],
      };
    }
    const reversed = [...shown].reverse();
    return {
      color: palette,
      aria: { enabled: true, label: { description: title } },
      tooltip: { ...tooltip, trigger: 'axis' as const, axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatValue(value) } },
      yAxis: {
        type: 'category',
        data: reversed.map((row) => row.label),
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [{ type: 'bar', data: reversed.map((row) => row.count), barMaxWidth: 18 }],
    };
  }, [shown, kind, title, formatValue]);

  const height = kind === 'pie' ? 180 : Math.max(120, shown.length * 24 + 24);
  return (
    <Suspense fallback={<div style={{ height }} aria-hidden />}>
      <EChart option={option} height={height} ariaLabel={title} />
    </Suspense>
  );
}
