// Batched I/O: the number of Apps Script calls per action does not grow with the number of submissions.
import { updateAppraisal } from '../../src/flows/appraisal';
import { installedEditTrigger } from '../../src/flows/edits';
import { buildAwardList } from '../../src/flows/awards';
import type { ActionContext, Summary } from '../../src/flows/context';
import { prepareJuryTabs } from '../../src/flows/juryTabs';
import { participationReport } from '../../src/flows/participation';
import { computeScores } from '../../src/flows/scores';
import { setupContest } from '../../src/flows/setup';
import { flowContext, newEmulator, seedRoster, seedSubmissions, tickAppraisal } from './fixture';

function callsPerAction(submissions: number): Record<string, number> {
  const emu = newEmulator();
  const ctx = flowContext(emu);
  setupContest(ctx);
  seedRoster(emu);
  seedSubmissions(emu, submissions);
  updateAppraisal(ctx);
  tickAppraisal(emu);
  const out: Record<string, number> = {};
  const measure = (name: string, flow: (c: ActionContext) => Summary) => {
    emu.calls.reset();
    const flushes = emu.flushCount();
    flow(ctx);
    out[name] = emu.calls.total();
    expect(emu.flushCount() - flushes).toBeLessThanOrEqual(1);
  };
  measure('appraisal', updateAppraisal);
  measure('jury', prepareJuryTabs);
  measure('scores', computeScores);
  measure('awards', buildAwardList);
  return out;
}

test('calls per action are the same for 8 and 40 submissions', () => {
  const small = callsPerAction(8);
  // Each action does read and write the workbook: equal zeros would prove nothing about batching.
  for (const name of ['appraisal', 'jury', 'scores', 'awards']) expect(small[name]).toBeGreaterThan(0);
  expect(callsPerAction(40)).toEqual(small);
});

test('each action reads every sheet at most once (one getDataRange per sheet)', () => {
  const emu = newEmulator();
  const ctx = flowContext(emu);
  setupContest(ctx);
  seedRoster(emu);
  seedSubmissions(emu, 8);
  updateAppraisal(ctx);
  tickAppraisal(emu);
  prepareJuryTabs(ctx);
  const readsOf = (flow: (c: ActionContext) => Summary): Record<string, number> => {
    const reads: Record<string, number> = {};
    const spies = ctx.spreadsheet.getSheets().map((s) => {
      const name = s.getName();
      const original = s.getDataRange.bind(s);
      return jest.spyOn(s, 'getDataRange').mockImplementation(() => {
        reads[name] = (reads[name] ?? 0) + 1;
        return original();
      });
    });
    flow(ctx);
    spies.forEach((spy) => spy.mockRestore());
    return reads;
  };
  for (const flow of [updateAppraisal, prepareJuryTabs, computeScores, buildAwardList, participationReport]) {
    const reads = readsOf(flow);
    // "Bài dự thi" is read by readPeople and its "Trạng thái" written from that same read.
    expect(Object.values(reads).length).toBeGreaterThan(3);
    expect(Object.entries(reads).filter(([, n]) => n > 1)).toEqual([]);
  }
});

test('the installable edit trigger reads "Cấu hình" once for an edit there (deadline and time zone alike)', () => {
  const emu = newEmulator();
  const ctx = flowContext(emu);
  setupContest(ctx);
  const config = ctx.spreadsheet.getSheetByName('Cấu hình')!;
  const reads = jest.spyOn(config, 'getDataRange');
  emu.calls.reset();
  // "Tên hội thi" (B2): neither the deadline nor the time zone, so nothing but the read.
  installedEditTrigger.run(ctx, { range: config.getRange('B2'), source: ctx.spreadsheet } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  expect(reads).toHaveBeenCalledTimes(1);
  // getRange (the test's), getSheet, getName, getRow, getNumRows, getDataRange, getValues: 15 when the deadline and the time zone each read the sheet.
  expect(emu.calls.total()).toBeLessThanOrEqual(7);
});
