// A minimal React wrapper around ECharts: only the bar and pie charts the dashboards use are
// registered, so the chart chunk stays small. Import this module lazily.
import { BarChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export interface EChartProps {
  option: EChartsCoreOption;
  height: number;
  ariaLabel: string;
  locale?: 'VI' | 'EN';
}

export default function EChart({ option, height, ariaLabel }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    // Drawn, animations over: what a screenshot waits for (data-rendered, e2e/screenshots.spec.ts).
    instance.on('finished', () => {
      element.dataset.rendered = 'true';
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ref.current) ref.current.dataset.rendered = 'false';
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height }} role="img" aria-label={ariaLabel} />;
}
