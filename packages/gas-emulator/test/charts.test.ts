// Embedded charts: builders, Charts.ChartType, insert/update/remove, counted calls, and what Google refuses.
import { createEmulator } from '../src';
import { VN } from './options';

function setup() {
  const emu = createEmulator({ ...VN, owner: 'btc@quandoan11.vn', collaborators: ['gk@quandoan11.vn'] });
  const sheet = emu.spreadsheet.getActiveSheet();
  sheet.getRange(1, 1, 3, 3).setValues([
    ['Bài', 'BGK', 'Tương tác'],
    ['A', 36, 56],
    ['B', 40, 40],
  ]);
  return { emu, sheet };
}

test('setChartType + addRange + setOption + setPosition + build, then insertChart gives the chart an id', () => {
  const { emu, sheet } = setup();
  emu.calls.reset();
  const chart = sheet
    .newChart()
    .setChartType(emu.Charts.ChartType.BAR)
    .addRange(sheet.getRange('A1:C3'))
    .setOption('isStacked', true)
    .setPosition(1, 5, 0, 0)
    .build();
  expect(chart.getChartId()).toBeNull();
  sheet.insertChart(chart);
  const [inserted] = sheet.getCharts();
  expect(inserted.getChartId()).not.toBeNull();
  expect(inserted.getOptions().get('isStacked')).toBe(true);
  expect(inserted.getRanges()[0].getA1Notation()).toBe('A1:C3');
  expect(inserted.getContainerInfo().getAnchorColumn()).toBe(5);
  expect(emu.calls.count('EmbeddedChartBuilder.build')).toBe(1);
  expect(emu.calls.count('Sheet.insertChart')).toBe(1);
});

test('asBarChart().setStacked() is a bar builder; the plain builder has no setStacked', () => {
  const { sheet } = setup();
  const builder = sheet.newChart() as unknown as { setStacked: () => void };
  expect(() => builder.setStacked()).toThrow('not emulated: EmbeddedChartBuilder.setStacked');
  const chart = sheet.newChart().asBarChart().setStacked().setTitle('Top').addRange(sheet.getRange('A1:C3')).build();
  sheet.insertChart(chart);
  expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Top');
});

test('refused as in Google: no type, no data, a bad type or anchor, inserting twice, a protected sheet', () => {
  const { emu, sheet } = setup();
  expect(() => sheet.newChart().addRange(sheet.getRange('A1:C3')).build()).toThrow(/Chart type/);
  expect(() => sheet.newChart().setChartType(emu.Charts.ChartType.BAR).build()).toThrow(/at least one data range/);
  expect(() => sheet.newChart().setChartType('PIZZA' as unknown as GoogleAppsScript.Charts.ChartType)).toThrow(/Invalid argument/);
  expect(() => sheet.newChart().setPosition(0, 1, 0, 0)).toThrow(/Invalid argument/);
  const offGrid = sheet.newChart().setChartType(emu.Charts.ChartType.BAR).addRange(sheet.getRange('A1:C3')).setPosition(1001, 1, 0, 0).build();
  expect(() => sheet.insertChart(offGrid)).toThrow(/outside the dimensions/);
  const chart = sheet.newChart().setChartType(emu.Charts.ChartType.COLUMN).addRange(sheet.getRange('A1:C3')).build();
  sheet.insertChart(chart);
  expect(() => sheet.insertChart(sheet.getCharts()[0])).toThrow(/already exists/);
  const p = sheet.protect();
  p.removeEditors(p.getEditors());
  emu.setUser('gk@quandoan11.vn');
  expect(() => sheet.removeChart(sheet.getCharts()[0])).toThrow(/protected/);
  emu.setUser('btc@quandoan11.vn');
  sheet.removeChart(sheet.getCharts()[0]);
  expect(sheet.getCharts()).toHaveLength(0);
});

test('modify() + updateChart keeps the id', () => {
  const { emu, sheet } = setup();
  sheet.insertChart(sheet.newChart().setChartType(emu.Charts.ChartType.BAR).addRange(sheet.getRange('A1:C3')).build());
  const [c] = sheet.getCharts();
  sheet.updateChart(c.modify().setOption('title', 'Mới').build());
  expect(sheet.getCharts()).toHaveLength(1);
  expect(sheet.getCharts()[0].getChartId()).toBe(c.getChartId());
  expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Mới');
});
