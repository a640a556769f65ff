// "Biểu đồ kết quả": the top clips by total as a stacked bar chart (jury part + engagement part), an embedded chart over a small data block.
import { chartBars, CHART_TOP, type ChartBar } from '../domain/chart';
import type { ContestOutput } from '../domain/contest';
import { insertSheetLast } from '../sheets/layout';
import { restrictNewProtection } from '../sheets/protection';
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

/**
 * Rewrites "Biểu đồ kết quả" (created and protected to the organizers the first time): the data block
 * at A1 and one stacked bar chart beside it, replacing the previous chart. Returns the bars drawn.
 */
export function writeResultsChart(ctx: ActionContext, output: ContestOutput, top = CHART_TOP): ChartBar[] {
  let sheet = ctx.spreadsheet.getSheetByName(CHART_SHEET);
  if (!sheet) {
    sheet = insertSheetLast(ctx.spreadsheet, CHART_SHEET);
    restrictNewProtection(sheet.protect().setDescription('Biểu đồ kết quả (add-on vẽ; chỉ Ban tổ chức được sửa).'), ctx.user ? [ctx.user] : []);
    sheet.setColumnWidth(1, 320);
  }
  for (const c of sheet.getCharts()) sheet.removeChart(c);
  sheet.clearContents();
  const bars = chartBars(output.results, top);
  const rows = [CHART_HEADERS, ...chartRows(bars)];
  sheet.getRange(1, 1, rows.length, CHART_HEADERS.length).setValues(rows.map((r) => r.map((v) => escapeCell(v))));
  sheet.getRange(1, 1, 1, CHART_HEADERS.length).setFontWeight('bold');
  if (bars.length === 0) return bars;
  const chart = sheet
    .newChart()
    .asBarChart()
    .setStacked()
    .setTitle(chartTitle(bars.length))
    .addRange(sheet.getRange(1, 1, rows.length, CHART_HEADERS.length))
    .setNumHeaders(1)
    .setOption('legend', { position: 'top' })
    .setOption('colors', ['#1f77b4', '#ff7f0e'])
    .setPosition(1, CHART_HEADERS.length + 2, 0, 0)
    .build();
  sheet.insertChart(chart);
  return bars;
}
