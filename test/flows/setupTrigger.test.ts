// "Thiết lập hội thi" through the menu door: only an organizer's successful run installs the edit trigger.
import { setupAction } from '../../src/flows/setup';
import { installedEditTrigger } from '../../src/flows/edits';
import { runMenuAction, runTrigger } from '../../src/ui/runner';
import { contextOf, createContestEmulator } from '../sample/emulator';
import { APPRAISER, JURORS, NOW, OWNER } from './fixture';

const JUROR = JURORS[0].email;

test('an appraiser or juror who clicks "Thiết lập hội thi" is refused and owns no trigger; their ticks fail no trigger', () => {
  const emu = createContestEmulator({ owner: OWNER, user: OWNER, sharing: { editors: [APPRAISER, JUROR] }, throwTriggerErrors: false });
  emu.setNow(NOW);
  emu.setHandlers({ onSettingsEdit: (e) => runTrigger(contextOf(emu), installedEditTrigger, e as GoogleAppsScript.Events.SheetsOnEdit) });
  const organizer = runMenuAction(contextOf(emu, { user: OWNER }), setupAction, undefined);
  expect(organizer.title).toBe('Thiết lập hội thi');
  const owned = (who: string) => emu.triggers.list().filter((t) => t.owner === who);
  expect(owned(OWNER).map((t) => t.handler)).toEqual(['onSettingsEdit']);

  for (const who of [APPRAISER, JUROR]) {
    emu.setUser(who);
    const summary = runMenuAction(contextOf(emu, { user: who }), setupAction, undefined);
    expect(summary.title).toBe('Thiết lập hội thi: Không thực hiện được');
    expect(summary.warnings[0]).toContain(`Chỉ Ban tổ chức (BTC) mới chạy được "Thiết lập hội thi": Tài khoản ${who} không có quyền sửa`);
    expect(owned(who)).toEqual([]);
  }
  // An appraiser's tick runs the organizer's trigger only, and nothing fails.
  emu.setUser(APPRAISER);
  emu.editCell('Thẩm định', 'E2', true);
  expect(emu.triggerRuns.map((r) => [r.handler, r.user, r.error])).toEqual([['onSettingsEdit', OWNER, undefined]]);
});
