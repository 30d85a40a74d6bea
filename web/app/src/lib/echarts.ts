/** ECharts with only what the walls draw: bars and lines on a grid, canvas renderer. */
import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, CanvasRenderer])

export { echarts }

/**
 * A chart in `el` that follows the window's size: for `onMount`, which returns `dispose` as its clean-up.
 * The planner's charts use the dark theme.
 */
export function mountChart(
  el: HTMLElement,
  theme?: string,
): { chart: ReturnType<typeof echarts.init>; dispose: () => void } {
  const chart = echarts.init(el, theme, { renderer: 'canvas' })
  const resize = () => chart.resize()
  window.addEventListener('resize', resize)
  return {
    chart,
    dispose() {
      window.removeEventListener('resize', resize)
      chart.dispose()
    },
  }
}
