// Emulated behaviours checked against Google's Apps Script documentation (one block per behaviour).
import { createEmulator, errors } from '../src';
import { VN } from './options';

const OWNER = 'btc@quandoan11.vn';
const JUROR = 'giamkhao.a@quandoan11.vn';

function sheetOf(opts: Parameters<typeof createEmulator>[0] = {}) {
  const emu = createEmulator({ ...VN, owner: OWNER, ...opts });
  return { emu, app: emu.SpreadsheetApp, sheet: emu.spreadsheet.getActiveSheet() };
}

describe('checkboxes', () => {
  test('an empty cell with only a checkbox rule reads "" and counts as unchecked, not as content', () => {
    const { app, sheet } = sheetOf();
    sheet.getRange('A1:A5').setDataValidation(app.newDataValidation().requireCheckbox().build());
    expect(sheet.getRange('A3').getValue()).toBe('');
    expect(sheet.getRange('A1:A5').isChecked()).toBe(false);
    expect(sheet.getLastRow()).toBe(0); // a rule alone is not content
  });

  test('insertCheckboxes() sets every cell, blank or not, to false; each false is content for getLastRow', () => {
    const { sheet } = sheetOf();
    sheet.getRange('B1:B2').setValues([[true], ['']]);
    sheet.getRange('B1:B4').insertCheckboxes();
    expect(sheet.getRange('B1:B4').getValues().flat()).toEqual([false, false, false, false]);
    expect(sheet.getLastRow()).toBe(4); // rows 1-4 hold FALSE
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B4'); // columns 1..2, since B has values
  });
});

describe('getLastRow / getDataRange', () => {
  test('formatting, notes-free backgrounds and number formats do not extend the data range', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getRange('A10:D10').setBackground('#ff0000').setNumberFormat('0.00').setFontWeight('bold');
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:B2');
  });
});

describe('setValues parses strings like typed input', () => {
  test('vi_VN: day-first dates with time, bare times and durations become date values', () => {
    const { sheet } = sheetOf({ locale: 'vi_VN', timeZone: 'Asia/Ho_Chi_Minh' });
    sheet.getRange('A1:A4').setValues([['10/06/2023 23:59'], ['10/06/2023'], ['3:20'], ['35:20']]);
    const [deadline, day, time, duration] = sheet.getRange('A1:A4').getValues().flat() as Date[];
    // 10/06/2023 23:59 in Hồ Chí Minh (UTC+7) is 10 June 16:59 UTC.
    expect(deadline.toISOString()).toBe('2023-06-10T16:59:00.000Z');
    // A date without a time is midnight there: 10/06/2023 00:00 +07:00 = 9 June 17:00 UTC.
    expect(day.toISOString()).toBe('2023-06-09T17:00:00.000Z');
    expect(sheet.getRange('A2').getDisplayValue()).toBe('10/06/2023 00:00:00');
    // A time is a Date on Sheets' day zero, 30 Dec 1899, at 03:20 wall clock.
    expect(time).toBeInstanceOf(Date);
    expect(sheet.getRange('A3').getDisplayValue()).toBe('30/12/1899 03:20:00');
    // 35:20 is one day and 11:20 past day zero.
    expect(duration).toBeInstanceOf(Date);
    expect(sheet.getRange('A4').getDisplayValue()).toBe('31/12/1899 11:20:00');
  });

  test('en_US reads the same text month-first; impossible dates stay text', () => {
    const { sheet } = sheetOf({ locale: 'en_US', timeZone: 'UTC' });
    sheet.getRange('A1:A3').setValues([['10/06/2023'], ['31/02/2023'], ['13/13/2023']]);
    const [a, b, c] = sheet.getRange('A1:A3').getValues().flat();
    expect((a as Date).toISOString()).toBe('2023-10-06T00:00:00.000Z'); // 6 October
    expect(b).toBe('31/02/2023');
    expect(c).toBe('13/13/2023');
  });

  test('numbers, percentages, booleans, apostrophe and the + - @ = formula rule', () => {
    const { sheet } = sheetOf({ locale: 'vi_VN' });
    sheet.getRange('A1:A9').setValues([['-5'], ['+5'], ['50%'], ['9,5'], ['true'], ["'0901234567"], ['+84 90 123'], ['=SUM(1,2)'], ['-']]);
    const v = sheet.getRange('A1:A9').getValues().flat();
    expect(v.slice(0, 6)).toEqual([-5, 5, 0.5, 9.5, true, '0901234567']);
    expect(v[6]).toBe('#ERROR!'); // "+84 90 123" is read as a formula that fails to parse
    expect(sheet.getRange('A7').getFormula()).toBe('=+84 90 123');
    expect(sheet.getRange('A8').getFormula()).toBe('=SUM(1,2)');
    expect(v[8]).toBe('-'); // a lone sign is text
  });

  test('a cell formatted as plain text keeps the string, date-looking or not', () => {
    const { sheet } = sheetOf();
    sheet.getRange('A1').setNumberFormat('@').setValue('10/06/2023 23:59');
    expect(sheet.getRange('A1').getValue()).toBe('10/06/2023 23:59');
  });
});

describe('protection', () => {
  test('until the editor list changes, a new protection blocks no editor of the file, even one shared later', () => {
    const { emu, sheet } = sheetOf();
    const p = sheet.protect();
    emu.addCollaborator(JUROR);
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([OWNER, JUROR].sort());
    emu.setUser(JUROR);
    expect(p.canEdit()).toBe(true);
    sheet.getRange('A1').setValue(1); // allowed: the protection is not in force yet
    expect(sheet.getRange('A1').getValue()).toBe(1);
  });

  test("once editors are removed, the owner and the current user stay; others get Google's error", () => {
    const { emu, sheet } = sheetOf({ collaborators: [JUROR] });
    const p = sheet.protect();
    p.removeEditors(p.getEditors());
    expect(p.getEditors().map((u) => u.getEmail())).toEqual([OWNER]); // current user is the owner here
    emu.setUser(JUROR);
    expect(p.canEdit()).toBe(false);
    expect(() => sheet.getRange('A1').setValue(1)).toThrow(errors.PROTECTED_EDIT);
    emu.setUser(OWNER);
    p.setWarningOnly(true);
    emu.setUser(JUROR);
    sheet.getRange('A1').setValue(2); // warning-only: scripts of any editor may write
    expect(sheet.getRange('A1').getValue()).toBe(2);
  });

  test('removeEditors keeps whoever runs the script even when that is not the owner', () => {
    const { emu, sheet } = sheetOf({ collaborators: [JUROR] });
    emu.setUser(JUROR);
    const p = sheet.getRange('A1:B2').protect();
    p.removeEditors([JUROR, OWNER]);
    expect(
      p
        .getEditors()
        .map((u) => u.getEmail())
        .sort(),
    ).toEqual([OWNER, JUROR].sort());
  });
});

describe('LockService', () => {
  test("tryLock waits up to the timeout then returns false; waitLock throws Google's text; releaseLock when not held does nothing", () => {
    const { emu } = sheetOf();
    const lock = emu.LockService.getScriptLock();
    lock.releaseLock(); // not held: no error
    expect(lock.hasLock()).toBe(false);
    emu.locks.holdByOther(true);
    emu.setNow(new Date('2023-06-10T16:00:00Z')); // pinned: the real clock must not add milliseconds
    const t0 = emu.now().getTime();
    expect(lock.tryLock(5000)).toBe(false);
    expect(emu.now().getTime() - t0).toBe(5000); // waited the whole 5 s of emulated time
    expect(() => lock.waitLock(1000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    emu.locks.holdByOther(false);
    expect(lock.tryLock(0)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });
});

describe('ScriptApp', () => {
  test("getProjectTriggers lists only the caller's; the 21st trigger of one user throws, another user is not affected", () => {
    const { emu } = sheetOf({ collaborators: [JUROR] });
    for (let i = 0; i < 20; i++) emu.ScriptApp.newTrigger(`f${i}`).timeBased().after(60000).create();
    expect(() => emu.ScriptApp.newTrigger('f20').timeBased().after(60000).create()).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    emu.setUser(JUROR);
    expect(emu.ScriptApp.getProjectTriggers()).toHaveLength(0);
    emu.ScriptApp.newTrigger('g').timeBased().after(60000).create();
    expect(emu.ScriptApp.getProjectTriggers()).toHaveLength(1);
    expect(emu.triggers.list()).toHaveLength(21); // 20 of the owner + 1 of the juror
  });
});

describe('FormApp', () => {
  test('closed form: flag, custom message, and a respondent is turned away with that message', () => {
    const { emu } = sheetOf();
    const form = emu.FormApp.create('Nộp bài');
    form.addTextItem().setTitle('Đơn vị');
    form.setCustomClosedFormMessage('Đã hết hạn nộp bài.').setAcceptingResponses(false);
    expect(form.isAcceptingResponses()).toBe(false);
    expect(form.getCustomClosedFormMessage()).toBe('Đã hết hạn nộp bài.');
    expect(() => emu.submitForm(form, { 'Đơn vị': 'Phường 1' })).toThrow('Đã hết hạn nộp bài.');
    expect(form.getResponses()).toHaveLength(0);
  });

  test('published and prefilled URLs, setChoiceValues replacing choices, URL validation', () => {
    const { emu } = sheetOf();
    const form = emu.FormApp.create('Nộp bài');
    expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/[\w-]+\/viewform$/);
    const list = form.addListItem().setTitle('Đơn vị').setChoiceValues(['A', 'B']);
    list.setChoiceValues(['C']);
    expect(list.getChoices().map((c) => c.getValue())).toEqual(['C']);
    const link = form.addTextItem().setTitle('Link');
    link.setValidation(emu.FormApp.createTextValidation().requireTextIsUrl().build());
    const url = form.createResponse().withItemResponse(list.createResponse('C')).toPrefilledUrl();
    expect(url).toBe(`${form.getPublishedUrl()}?usp=pp_url&entry.${list.getId()}=C`);
    expect(() => emu.submitForm(form, { 'Đơn vị': 'C', Link: 'không phải link' })).toThrow();
    emu.submitForm(form, { 'Đơn vị': 'C', Link: 'https://youtu.be/abc' });
    expect(form.getResponses()).toHaveLength(1);
  });
});

describe('Session in a simple trigger', () => {
  test('getActiveUser().getEmail() is "" for a consumer account in simple onEdit, kept for the owner and same domain', () => {
    const GMAIL = 'ai.do@gmail.com';
    const { emu, sheet } = sheetOf({ collaborators: [GMAIL, JUROR] });
    const seen: string[] = [];
    emu.setHandlers({
      onEdit: (e) => {
        seen.push(`${emu.Session.getActiveUser().getEmail()}|${(e as { user: GoogleAppsScript.Base.User }).user.getEmail()}`);
      },
    });
    const name = sheet.getName();
    emu.setUser(GMAIL);
    emu.editCell(name, 'A1', 'x');
    emu.setUser(JUROR);
    emu.editCell(name, 'A2', 'y');
    emu.setUser(OWNER);
    emu.editCell(name, 'A3', 'z');
    expect(seen).toEqual(['|', `${JUROR}|${JUROR}`, `${OWNER}|${OWNER}`]);
    emu.setUser(GMAIL);
    expect(emu.Session.getActiveUser().getEmail()).toBe(GMAIL); // outside a simple trigger (menu run) it is known
  });
});

describe('Utilities.formatDate', () => {
  test('Java patterns in the spreadsheet time zone', () => {
    const { emu } = sheetOf();
    const d = new Date('2023-06-10T16:59:05Z');
    expect(emu.Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm')).toBe('10/06/2023 23:59');
    expect(emu.Utilities.formatDate(d, 'GMT+7', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2023-06-10T23:59:05+07:00');
  });

  test("'' is an apostrophe inside quoted text and outside it, as in java.text.SimpleDateFormat", () => {
    const { emu } = sheetOf();
    const noon = new Date('2023-06-10T05:00:00Z'); // 12:00 in Asia/Ho_Chi_Minh
    // SimpleDateFormat's documented example: "hh 'o''clock' a" gives "12 o'clock PM".
    expect(emu.Utilities.formatDate(noon, 'Asia/Ho_Chi_Minh', "hh 'o''clock' a")).toBe("12 o'clock PM");
    expect(emu.Utilities.formatDate(noon, 'Asia/Ho_Chi_Minh', "'it''s' HH:mm")).toBe("it's 12:00");
    expect(emu.Utilities.formatDate(noon, 'Asia/Ho_Chi_Minh', "HH''mm")).toBe("12'00");
    expect(emu.Utilities.formatDate(noon, 'Asia/Ho_Chi_Minh', "''''")).toBe("''");
    expect(emu.Utilities.formatDate(noon, 'Asia/Ho_Chi_Minh', "'''q'''")).toBe("'q'");
  });
});
