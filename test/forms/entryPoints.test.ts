// The form entry points of dist/Code.js in a bare V8 context: menu → form, submission trigger → row, clock trigger → closed, QR dialog.
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { contextOf, createContestEmulator } from '../sample/emulator';
import { setupContest } from '../../src/flows/setup';
import { ROSTER, JUNE_1, answers } from './fixture';

const bundlePath = path.resolve(__dirname, '../../dist/Code.js');

describe('form entry points in the bundle (run `npm run build` first; `npm test` does)', () => {
  test('menuCreateForm, onFormSubmit, runScheduledJobs and menuQrCodes work as Apps Script calls them', () => {
    const emu = createContestEmulator();
    emu.setNow(JUNE_1);
    setupContest(contextOf(emu));
    emu.spreadsheet.getSheetByName('Đơn vị')!.getRange(2, 1, ROSTER.length, 4).setValues(ROSTER);
    const context = vm.createContext({});
    emu.installGlobals(context);
    // The bundle reads the time with `new Date()`; in this context that is the emulator's clock (1 June 2023).
    (context as { __now?: () => number }).__now = () => emu.now().getTime();
    vm.runInContext(
      `(() => { const D = Date;
        function ClockDate(...a) { return new.target ? (a.length ? new D(...a) : new D(__now())) : new D(__now()).toString(); }
        ClockDate.prototype = D.prototype; ClockDate.now = () => __now(); ClockDate.UTC = D.UTC; ClockDate.parse = D.parse;
        globalThis.Date = ClockDate; })();`,
      context,
    );
    vm.runInContext(fs.readFileSync(bundlePath, 'utf8'), context, { filename: 'Code.js' });

    // The organizer leaves the link blank: a new form.
    emu.ui.queueAnswer({ button: 'OK', text: '' });
    emu.run('menuCreateForm');
    const summary = emu.ui.dialogs[emu.ui.dialogs.length - 1];
    expect(summary.kind).toBe('modal');
    expect(summary.html).toContain('Đã tạo biểu mẫu');
    const formId = String(
      emu.spreadsheet
        .getSheetByName('Cấu hình')!
        .getDataRange()
        .getValues()
        .find((r) => r[0] === 'ID biểu mẫu')![1],
    );
    const form = emu.FormApp.openById(formId);

    // The trigger the menu installed runs the bundle's onFormSubmit.
    emu.submitForm(form, answers());
    expect(emu.triggerRuns.map((r) => [r.handler, r.error])).toEqual([['onFormSubmit', undefined]]);
    // (The time column is not compared: a Date made inside this vm context is another realm's Date,
    // which the emulator's `instanceof Date` does not recognise; Apps Script has one realm.)
    const row = emu.spreadsheet.getSheetByName('Bài dự thi')!.getRange('A2:G2').getValues()[0];
    expect([row[0], row[2], row[5]]).toEqual(['HT-001', 'Đoàn Phường 1', 'Tuổi trẻ Quận 11']);

    emu.run('menuQrCodes');
    const qr = emu.ui.dialogs[emu.ui.dialogs.length - 1];
    expect(qr.title).toBe('Mã QR nộp bài');
    expect((qr.html!.match(/<figure /g) ?? []).length).toBe(ROSTER.length + 1);

    emu.runTimeTriggers(new Date('2023-06-11T01:00:00+07:00'));
    expect(emu.triggerRuns.map((r) => r.handler)).toContain('runScheduledJobs');
    expect(form.isAcceptingResponses()).toBe(false);
  });
});
