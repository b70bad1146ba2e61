// Loaded only when the queue figures are on screen (hall-figures-charts.tsx imports this file lazily): ECharts is larger
// than the rest of the console. Bars, lines, grid, tooltip, legend and canvas only.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

export default function HallFiguresEChart({ option, height, label }: { option: EChartsCoreOption; height: number; label: string }) {
  return (
    <div role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={{ animation: !reducedMotion(), ...option }} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
