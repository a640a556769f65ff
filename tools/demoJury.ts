// Demo steps of the jury's last days and the close: a juror behind ("Tiến độ chấm", "Nhắc giám khảo"), catching up, "Chốt kết quả", the chart image.
import { writeFileSync, mkdirSync } from 'fs';
import { join, resolve } from 'path';
import { chartBars } from '../src/domain/chart';
import type { ContestOutput } from '../src/domain/contest';
import { chartTitle } from '../src/flows/resultsChart';
import { JURY_PROGRESS } from '../src/sheets/juryProgress';
import { juryTabName, juryTabSchema } from '../src/sheets/juryTab';
import { vn } from '../test/sample/contest';
import { headersOf, readRecords, writeByHeader, type CellEdit } from '../test/sample/workbook';
import { resultsChartSvg } from './chartSvg';
import type { DemoRun } from './demoSteps';

const T = headersOf(juryTabSchema({ name: '' }, []));

/** "Tiến độ chấm" as the organizer reads it: "GK5 Họ tên: đã chấm 30/33, còn thiếu 3". */
function progressNote(run: DemoRun): string {
  const s = run.em.spreadsheet.getSheetByName(JURY_PROGRESS.name);
  if (!s) return '';
  const P = headersOf(JURY_PROGRESS);
  return readRecords(s)
    .rows.filter((r) => Number(r.values[P.missing]) > 0 || Number(r.values[P.invalid]) > 0)
    .map((r) => `${r.values[P.code]} ${r.values[P.name]}: đã chấm ${r.values[P.marked]}/${r.values[P.toMark]}, còn thiếu ${r.values[P.missing]}`)
    .join('; ');
}

/**
 * 17/06 21:00: the last juror clears three marks to watch those clips again; 18/06 08:00 the organizers
 * see it in "Tiến độ chấm" and send "Nhắc giám khảo" (the mail lands in the emulator's outbox); 18/06
 * 20:00 the juror marks them again and "Tiến độ chấm" shows everyone done.
 */
export function juryProgressStep(run: DemoRun): void {
  const { sample, em, d, progress } = run;
  const juror = sample.jurors[sample.jurors.length - 1];
  const tab = em.spreadsheet.getSheetByName(juryTabName(juror))!;
  const rubric = tab
    .getRange(1, 1, 1, tab.getLastColumn())
    .getValues()[0]
    .map(String)
    .filter((h) => !Object.values(T).includes(h));
  const marked = readRecords(tab).rows.filter((r) => rubric.every((c) => r.values[c] !== '' && r.values[c] !== undefined));
  const held = marked.slice(-3);
  d.at(vn(2023, 6, 17, 21, 0));
  em.setUser(juror.email);
  const cleared: CellEdit[] = held.flatMap((r) => rubric.map((c) => ({ row: r.row, header: c, value: '' })));
  writeByHeader(tab, cleared);
  em.setUser(sample.organizerEmail);
  progress.step(`Giám khảo ${juror.name} xoá ${held.length} điểm`, `để xem lại các bài ${held.map((r) => r.values[T.id]).join(', ')}`);

  d.at(vn(2023, 6, 18, 8, 0));
  d.menu('menuJuryProgress', 'Tiến độ chấm');
  progress.note(`Trang "${JURY_PROGRESS.name}": ${progressNote(run)}`);
  const before = em.mail.length;
  d.menu('menuRemindJurors', 'Nhắc giám khảo');
  for (const m of em.mail.slice(before)) progress.note(`Email tới ${m.to}: "${m.subject}"`);

  d.at(vn(2023, 6, 18, 20, 0));
  em.setUser(juror.email);
  writeByHeader(
    tab,
    held.flatMap((r) => rubric.map((c) => ({ row: r.row, header: c, value: r.values[c] }))),
  );
  em.setUser(sample.organizerEmail);
  progress.step(`Giám khảo ${juror.name} chấm lại`, `${held.length} bài`);
  d.at(vn(2023, 6, 18, 20, 30));
  d.menu('menuJuryProgress', 'Tiến độ chấm');
}

/** 19/06 18:00: "Chốt kết quả" — snapshots, checksums, inputs locked. */
export function finaliseStep({ d }: DemoRun): void {
  d.at(vn(2023, 6, 19, 18, 0));
  d.menu('menuFinaliseResults', 'Chốt kết quả');
}

/** out/hoithi-demo-bieu-do.svg: the same chart as "Biểu đồ kết quả", drawn by hand; returns its path. */
export function chartImageStep({ outDir, progress }: DemoRun, output: ContestOutput): string {
  const bars = chartBars(output.results);
  mkdirSync(outDir, { recursive: true });
  const file = resolve(join(outDir, 'hoithi-demo-bieu-do.svg'));
  writeFileSync(file, resultsChartSvg(bars, chartTitle(bars.length)));
  progress.step('Biểu đồ kết quả', `${bars.length} bài, ảnh ${file}`);
  return file;
}
