// The results chart: top clips in rank order with stacked parts, the embedded chart on "Biểu đồ kết quả", and the SVG twin.
import { chartBars } from '../../src/domain/chart';
import type { ClipResult } from '../../src/domain/types';
import { CHART_SHEET, chartTitle } from '../../src/flows/resultsChart';
import { computeScores } from '../../src/flows/scores';
import { resultsChartSvg } from '../../tools/chartSvg';
import { JURORS, OWNER, mark, newEmulator, records, runFortyClips, sheet } from '../flows/fixture';

function clip(id: string, rank: number | null, jury: number | null, engagement: number): ClipResult {
  return {
    clipId: id,
    unit: `Đoàn ${id}`,
    unitKnown: true,
    title: '',
    authors: '',
    submittedAt: null,
    juryAggregate: jury === null ? null : (jury * 100) / 40,
    juryPart: jury,
    engagementPoints: 0,
    countedPoints: 0,
    engagementPart: engagement,
    total: jury === null ? null : Math.round((jury + engagement) * 1e6) / 1e6,
    rank,
    scored: rank !== null,
    reachedEngagement: true,
    unscoredReasons: [],
    note: '',
  };
}

test('chartBars: scored clips by rank, top n, parts that sum to the total', () => {
  const results = [clip('B', 2, 40, 40), clip('A', 1, 36.2, 56.6), clip('C', null, null, 10), clip('D', 3, 20, 10)];
  expect(chartBars(results, 2)).toEqual([
    { label: 'Đoàn A (A)', clipId: 'A', jury: 36.2, engagement: 56.6, total: 92.8 },
    { label: 'Đoàn B (B)', clipId: 'B', jury: 40, engagement: 40, total: 80 },
  ]);
});

test('"Tính điểm" draws one stacked bar chart of the top 10 over its data block, still one after a re-run', () => {
  const emu = newEmulator();
  const { ctx } = runFortyClips(emu);
  const s = sheet(emu, CHART_SHEET);
  const data = records(emu, CHART_SHEET);
  const top = records(emu, 'Kết quả').slice(0, 10);
  expect(data).toHaveLength(10);
  data.forEach((row, i) => {
    expect(row['Bài dự thi']).toBe(`${top[i]['Đơn vị']} (${top[i]['Mã bài']})`);
    expect(Number(row['Điểm BGK quy đổi']) + Number(row['Điểm tương tác quy đổi'])).toBeCloseTo(Number(top[i]['Tổng điểm']), 2);
  });
  const charts = s.getCharts();
  expect(charts).toHaveLength(1);
  expect(charts[0].getOptions().get('isStacked')).toBe(true);
  expect(charts[0].getOptions().get('title')).toBe('10 bài điểm cao nhất: điểm BGK + điểm tương tác');
  expect(charts[0].getRanges()[0].getA1Notation()).toBe('A1:C11');
  expect(charts[0].getContainerInfo().getAnchorColumn()).toBe(5);
  // Hand-checked first bar: HT-039 marked 89 by all → jury 40 × 89 / 100 = 35,6; no engagement → 35,6.
  expect(data.find((r) => String(r['Bài dự thi']).endsWith('(HT-039)'))).toEqual({
    'Bài dự thi': 'Đoàn phường 14 (HT-039)',
    'Điểm BGK quy đổi': 35.6,
    'Điểm tương tác quy đổi': 0,
  });
  computeScores(ctx);
  expect(sheet(emu, CHART_SHEET).getCharts()).toHaveLength(1);
});

test('a re-run keeps an unchanged chart, rewrites changed bars in place, and redraws it for another number of bars', () => {
  const emu = newEmulator();
  const { ctx } = runFortyClips(emu);
  const chart = () => sheet(emu, CHART_SHEET).getCharts();
  const drawn = () => emu.calls.count('Sheet.insertChart') + emu.calls.count('Sheet.removeChart') + emu.calls.count('Sheet.clearContents');
  const topOfResults = () =>
    records(emu, 'Kết quả')
      .slice(0, 10)
      .map((r) => `${r['Đơn vị']} (${r['Mã bài']})`);

  emu.calls.reset();
  computeScores(ctx);
  expect(drawn()).toBe(0);
  expect(chart()).toHaveLength(1);

  // HT-039 leads; a lower mark moves it down the ten bars: values change, the count does not.
  const before = records(emu, CHART_SHEET);
  mark(emu, 'GK1', 'HT-039', 20);
  emu.calls.reset();
  computeScores(ctx);
  expect(drawn()).toBe(0);
  const after = records(emu, CHART_SHEET);
  expect(after).not.toEqual(before);
  expect(after.map((r) => r['Bài dự thi'])).toEqual(topOfResults());
  expect(chart()).toHaveLength(1);
  expect(chart()[0].getRanges()[0].getA1Notation()).toBe('A1:C11');

  // GK2 blanks every mark but the first four rows: at most four clips keep a total, so fewer bars.
  const tab = sheet(emu, `BGK - ${JURORS[1].name}`);
  const markCol = tab.getRange(1, 1, 1, tab.getLastColumn()).getValues()[0].map(String).indexOf('Điểm') + 1;
  emu.setUser(JURORS[1].email);
  tab.getRange(6, markCol, tab.getLastRow() - 5, 1).setValue('');
  emu.setUser(OWNER);
  computeScores(ctx);
  const bars = records(emu, CHART_SHEET);
  expect(bars.length).toBeGreaterThan(0);
  expect(bars.length).toBeLessThan(10);
  expect(bars.map((r) => r['Bài dự thi'])).toEqual(topOfResults().slice(0, bars.length));
  expect(sheet(emu, CHART_SHEET).getDataRange().getNumRows()).toBe(bars.length + 1);
  expect(chart()).toHaveLength(1);
  expect(chart()[0].getRanges()[0].getA1Notation()).toBe(`A1:C${bars.length + 1}`);
  expect(chart()[0].getOptions().get('title')).toBe(chartTitle(bars.length));
});

test('the SVG has one blue and one orange bar per clip, widths to scale (520 px = 100 points)', () => {
  const svg = resultsChartSvg([{ label: 'Đoàn A & B (HT-1)', clipId: 'HT-1', jury: 36.2, engagement: 56.6, total: 92.8 }], 'Tiêu đề');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // 36,2 points → 188,24 px; 56,6 points → 294,32 px.
  expect(svg).toMatch(/<rect x="330" y="70" width="188.24\d*" height="26" fill="#1f77b4">/);
  expect(svg).toMatch(/<rect x="518.24\d*" y="70" width="294.3\d*" height="26" fill="#ff7f0e">/);
  expect(svg).toContain('1. Đoàn A &amp; B (HT-1)');
  expect(svg).toContain('>92,80</text>');
});
