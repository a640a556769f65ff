// Spreadsheet.EmbeddedChart: Sheet.newChart() builders (plain and bar), the charts and their container — recorded, never drawn.
import { ChartOptionsImpl, ChartType } from '../charts/charts';
import { AsKind, CallCounter, Emulated } from '../core/calls';
import { RangeImpl } from './range';
import type { SheetImpl } from './sheet';

const CHART_TYPES = new Set<string>(Object.values(ChartType));

/** What a built chart holds. */
export interface ChartSpec {
  type: string | null;
  ranges: RangeImpl[];
  options: Map<string, unknown>;
  row: number;
  col: number;
  offsetX: number;
  offsetY: number;
}

/** Methods of EmbeddedChartBuilder (a bar builder has these plus its own). */
const BUILDER_METHODS = new Set([
  'addRange',
  'removeRange',
  'clearRanges',
  'getRanges',
  'setChartType',
  'getChartType',
  'setOption',
  'setPosition',
  'setNumHeaders',
  'getContainer',
  'build',
  'asBarChart',
  'asColumnChart',
]);
const BAR_METHODS = new Set([...BUILDER_METHODS, 'setStacked', 'setTitle', 'setLegendPosition', 'reverseCategories']);

function positiveInt(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1;
}

/** EmbeddedChartBuilder for one sheet (Sheet.newChart() or EmbeddedChart.modify()). */
export class ChartBuilderImpl extends Emulated {
  static kind = 'EmbeddedChartBuilder';
  constructor(
    ctr: CallCounter,
    readonly _sheet: SheetImpl,
    readonly _spec: ChartSpec,
    readonly _chartId: number | null,
  ) {
    super(ctr);
  }
  addRange(range: unknown): this {
    if (!(range instanceof RangeImpl))
      throw new Error("Exception: The parameters (String) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.");
    this._spec.ranges.push(range);
    return this;
  }
  removeRange(range: unknown): this {
    this._spec.ranges = this._spec.ranges.filter((r) => r._identity() !== (range as RangeImpl)._identity());
    return this;
  }
  clearRanges(): this {
    this._spec.ranges = [];
    return this;
  }
  getRanges(): RangeImpl[] {
    return [...this._spec.ranges];
  }
  setChartType(type: unknown): this {
    if (typeof type !== 'string' || !CHART_TYPES.has(type)) throw new Error(`Exception: Invalid argument: type`);
    this._spec.type = type;
    return this;
  }
  getChartType(): string | null {
    return this._spec.type;
  }
  setOption(option: string, value: unknown): this {
    if (typeof option !== 'string' || option === '') throw new Error('Exception: Invalid argument: option');
    this._spec.options.set(option, value);
    return this;
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    if (!positiveInt(anchorRowPos) || !positiveInt(anchorColPos)) throw new Error('Exception: Invalid argument: anchorRowPos/anchorColPos must be 1 or more.');
    if (!Number.isInteger(offsetX) || !Number.isInteger(offsetY) || offsetX < 0 || offsetY < 0) throw new Error('Exception: Invalid argument: offset');
    Object.assign(this._spec, { row: anchorRowPos, col: anchorColPos, offsetX, offsetY });
    return this;
  }
  setNumHeaders(headers: number): this {
    if (!Number.isInteger(headers) || headers < 0) throw new Error('Exception: Invalid argument: headers');
    this._spec.options.set('numHeaders', headers);
    return this;
  }
  getContainer(): { anchorRow: number; anchorColumn: number } {
    return { anchorRow: this._spec.row, anchorColumn: this._spec.col };
  }
  asBarChart(): AsKind {
    this._spec.type = ChartType.BAR;
    return new AsKind(this, 'EmbeddedBarChartBuilder', BAR_METHODS);
  }
  asColumnChart(): AsKind {
    this._spec.type = ChartType.COLUMN;
    return new AsKind(this, 'EmbeddedColumnChartBuilder', BAR_METHODS);
  }
  setStacked(): this {
    this._spec.options.set('isStacked', true);
    return this;
  }
  setTitle(title: string): this {
    this._spec.options.set('title', String(title));
    return this;
  }
  setLegendPosition(position: string): this {
    this._spec.options.set('legend.position', String(position).toLowerCase());
    return this;
  }
  reverseCategories(): this {
    this._spec.options.set('reverseCategories', true);
    return this;
  }
  /** Google refuses a chart without a type or without data. */
  build(): ChartImpl {
    if (!this._spec.type) throw new Error('Exception: Chart type must be set before building the chart.');
    if (this._spec.ranges.length === 0) throw new Error('Exception: A chart must have at least one data range.');
    const spec: ChartSpec = { ...this._spec, ranges: [...this._spec.ranges], options: new Map(this._spec.options) };
    return new ChartImpl(this._ctr, this._sheet, spec, this._chartId);
  }
}

/** The builder as Sheet.newChart() hands it out: only EmbeddedChartBuilder's methods. */
export function newBuilder(ctr: CallCounter, sheet: SheetImpl, spec?: ChartSpec, chartId: number | null = null): AsKind {
  const fresh: ChartSpec = spec
    ? { ...spec, ranges: [...spec.ranges], options: new Map(spec.options) }
    : { type: null, ranges: [], options: new Map(), row: 1, col: 1, offsetX: 0, offsetY: 0 };
  return new AsKind(new ChartBuilderImpl(ctr, sheet, fresh, chartId), 'EmbeddedChartBuilder', BUILDER_METHODS);
}

/** ContainerInfo: where a chart sits on its sheet. */
export class ContainerInfoImpl extends Emulated {
  static kind = 'ContainerInfo';
  constructor(
    ctr: CallCounter,
    readonly _spec: ChartSpec,
  ) {
    super(ctr);
  }
  getAnchorRow(): number {
    return this._spec.row;
  }
  getAnchorColumn(): number {
    return this._spec.col;
  }
  getOffsetX(): number {
    return this._spec.offsetX;
  }
  getOffsetY(): number {
    return this._spec.offsetY;
  }
}

/** EmbeddedChart: built by a builder; inserted (it then has an id) with Sheet.insertChart. */
export class ChartImpl extends Emulated {
  static kind = 'EmbeddedChart';
  constructor(
    ctr: CallCounter,
    readonly _sheet: SheetImpl,
    readonly _spec: ChartSpec,
    public _chartId: number | null,
  ) {
    super(ctr);
  }
  _identity(): string {
    return `${this._sheet._identity()} chart ${this._chartId ?? `#${this._serial}`}`;
  }
  getChartId(): number | null {
    return this._chartId;
  }
  getId(): string | null {
    return this._chartId === null ? null : `u${this._chartId}`;
  }
  getRanges(): RangeImpl[] {
    return [...this._spec.ranges];
  }
  getOptions(): ChartOptionsImpl {
    return new ChartOptionsImpl(this._ctr, this._spec.options);
  }
  getContainerInfo(): ContainerInfoImpl {
    return new ContainerInfoImpl(this._ctr, this._spec);
  }
  modify(): AsKind {
    return newBuilder(this._ctr, this._sheet, this._spec, this._chartId);
  }
  /** The chart type (emulator helper for tests reading `_`-free data: see Sheet.getCharts). */
  _type(): string | null {
    return this._spec.type;
  }
}
