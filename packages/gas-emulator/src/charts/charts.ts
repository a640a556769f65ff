// Charts: the service's enums (ChartType, for EmbeddedChartBuilder.setChartType) and ChartOptions (EmbeddedChart.getOptions);
// Sheets' embedded charts are in spreadsheet/embeddedChart.ts.
import { CallCounter, Emulated } from '../core/calls';

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

/** ChartOptions: read-only view of a chart's options. */
export class ChartOptionsImpl extends Emulated {
  static kind = 'ChartOptions';
  constructor(
    ctr: CallCounter,
    readonly _options: Map<string, unknown>,
  ) {
    super(ctr);
  }
  get(option: string): unknown {
    return this._options.has(option) ? this._options.get(option) : null;
  }
}
