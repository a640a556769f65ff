// "Biểu đồ kết quả": the top clips by total as a stacked bar chart (jury part + engagement part), an embedded chart over a small data block.
import { chartBars, CHART_TOP, type ChartBar } from '../domain/chart';
import type { ContestOutput } from '../domain/contest';
import { restrictNewProtection } from '../sheets/protection';
import { SheetIndex } from '../sheets/sheetIndex';
import { escapeCell } from '../sheets/table';
import type { ActionContext } from './context';

export const CHART_SHEET = 'Biểu đồ kết quả';
export const CHART_HEADERS = ['Bài dự thi', 'Điểm BGK quy đổi', 'Điểm tương tác quy đổi'];
export const chartTitle = (n: number): string => `${n} bài điểm cao nhất: điểm BGK + điểm tương tác`;

/** The data block under the headers: one row per bar, parts rounded to 2 decimals as "Kết quả" shows them. */
export function chartRows(bars: ChartBar[]): unknown[][] {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return bars.map((b) => [b.label, r2(b.jury), r2(b.engagement)]);
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Whether the sheet's charts are what `rows` needs: none without bars, else one chart over exactly the data block. */
function chartsFit(charts: GoogleAppsScript.Spreadsheet.EmbeddedChart[], rows: number, bars: number): boolean {
  if (bars === 0) return charts.length === 0;
  if (charts.length !== 1) return false;
  const ranges = charts[0].getRanges();
  return ranges.length === 1 && ranges[0].getA1Notation() === `A1:${String.fromCharCode(64 + CHART_HEADERS.length)}${rows}`;
}

function insertChart(sheet: Sheet, block: GoogleAppsScript.Spreadsheet.Range, bars: number): void {
  const chart = sheet
    .newChart()
    .asBarChart()
    .setStacked()
    .setTitle(chartTitle(bars))
    .addRange(block)
    .setNumHeaders(1)
    .setOption('legend', { position: 'top' })
    .setOption('colors', ['#1f77b4', '#ff7f0e'])
    .setPosition(1, CHART_HEADERS.length + 2, 0, 0)
    .build();
  sheet.insertChart(chart);
}

/**
 * Rewrites "Biểu đồ kết quả" (created and protected to the organizers the first time): the data block
 * at A1 and one stacked bar chart over it. On a later run the block is read first: the same number of
 * bars under the one chart over the block only has its values rewritten when they changed (the chart
 * follows its range by itself; its title only names the count), so an unchanged chart costs five
 * calls; anything else (another count, a chart removed or added by hand) is cleared and drawn again.
 * Returns the bars drawn. `sheets`: the action's index, when it has one.
 */
export function writeResultsChart(
  ctx: ActionContext,
  output: ContestOutput,
  sheets: SheetIndex = new SheetIndex(ctx.spreadsheet),
  top = CHART_TOP,
): ChartBar[] {
  const bars = chartBars(output.results, top);
  const rows: unknown[][] = [CHART_HEADERS, ...chartRows(bars)];
  const width = CHART_HEADERS.length;
  const escaped = rows.map((r) => r.map((v) => escapeCell(v)));
  let sheet = sheets.getSheetByName(CHART_SHEET);
  if (!sheet) {
    sheet = sheets.insertSheetLast(CHART_SHEET);
    restrictNewProtection(sheet.protect().setDescription('Biểu đồ kết quả (add-on vẽ; chỉ Ban tổ chức được sửa).'), ctx.user ? [ctx.user] : []);
    sheet.setColumnWidth(1, 320);
    const block = sheet.getRange(1, 1, rows.length, width);
    block.setValues(escaped);
    // Clearing contents later keeps formats, so the header row is made bold once, here (same range).
    block.setFontWeights(rows.map((r, i) => r.map(() => (i === 0 ? ('bold' as const) : null))));
    if (bars.length > 0) insertChart(sheet, block, bars.length);
    return bars;
  }
  const charts = sheet.getCharts();
  const shown = sheet.getDataRange().getValues();
  if (shown.length === rows.length && shown.every((r) => r.length === width) && chartsFit(charts, rows.length, bars.length)) {
    if (shown.some((r, i) => r.some((v, j) => v !== rows[i][j]))) sheet.getRange(1, 1, rows.length, width).setValues(escaped);
    return bars;
  }
  for (const c of charts) sheet.removeChart(c);
  sheet.clearContents();
  const block = sheet.getRange(1, 1, rows.length, width);
  block.setValues(escaped);
  if (bars.length > 0) insertChart(sheet, block, bars.length);
  return bars;
}
