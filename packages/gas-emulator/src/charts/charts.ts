// Charts: the service's enums (ChartType, for EmbeddedChartBuilder.setChartType); Sheets' embedded charts are in spreadsheet/embeddedChart.ts.
import { Emulated } from '../core/calls';

/** Charts.ChartType as Google lists it (values are the enum names). */
export const ChartType = Object.freeze({
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
});

/** The Charts service: only its enums are emulated. */
export class ChartsImpl extends Emulated {
  static kind = 'Charts';
  readonly ChartType = ChartType;
}
