// Sharing (createEmulator({ sharing })): file-level edit rights, form owners and editors, anonymous link editors.
import { createEmulator, errors } from '../src';
import { VN } from './options';

const OWNER = VN.owner!;
const SHARED = { ...VN, sharing: { editors: ['gk@quandoan11.vn'], commenters: ['bgk@gmail.com'], viewers: ['xem@gmail.com'] } };

test("a form opens only for its creator and editors (Form.addEditor), with Google's message for others", () => {
  const emu = createEmulator(SHARED);
  const form = emu.FormApp.create('Nộp bài');
  emu.setUser('gk@quandoan11.vn');
  expect(() => emu.FormApp.openById(form.getId())).toThrow('No item with the given ID could be found, or you do not have permission to access it.');
  expect(() => emu.FormApp.openByUrl(form.getEditUrl())).toThrow('you do not have permission to access it');
  emu.setUser(OWNER);
  form.addEditor('gk@quandoan11.vn');
  expect(form.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'gk@quandoan11.vn']);
  emu.setUser('gk@quandoan11.vn');
  expect(emu.FormApp.openById(form.getId()).getId()).toBe(form.getId());
  // a form created by the co-organizer is theirs, and the organizer cannot open it
  const theirs = emu.FormApp.create('Thay thế');
  emu.setUser(OWNER);
  expect(() => emu.FormApp.openById(theirs.getId())).toThrow('you do not have permission');
  // default (no sharing): every user opens every form, as before
  const open = createEmulator(VN);
  const f = open.FormApp.create('F');
  open.setUser('ai@x.vn');
  expect(open.FormApp.openById(f.getId()).getId()).toBe(f.getId());
});

test('only the owner and editors write; commenters and viewers are refused; strangers cannot open the file', () => {
  const emu = createEmulator(SHARED);
  const sheet = emu.spreadsheet.getSheets()[0];
  emu.setUser('gk@quandoan11.vn');
  sheet.getRange('A1').setValue('ok');
  for (const who of ['bgk@gmail.com', 'xem@gmail.com']) {
    emu.setUser(who);
    expect(() => sheet.getRange('A1').setValue('x')).toThrow(errors.NO_PERMISSION_ACTION);
    expect(() => emu.spreadsheet.insertSheet('Mới')).toThrow(errors.NO_PERMISSION_ACTION);
    expect(emu.SpreadsheetApp.openById(emu.spreadsheet.getId()).getName()).toBe('Hội thi'); // they can open it
  }
  emu.setUser('la@gmail.com');
  expect(() => emu.SpreadsheetApp.openById(emu.spreadsheet.getId())).toThrow(errors.NO_ACCESS_DOCUMENT);
  expect(emu.spreadsheet.getEditors().map((u) => u.getEmail())).toEqual([OWNER, 'gk@quandoan11.vn']);
  expect(emu.spreadsheet.getViewers().map((u) => u.getEmail())).toEqual(['bgk@gmail.com', 'xem@gmail.com']);
});

test('Protection.addEditors does not share the file; Spreadsheet.addEditor does', () => {
  const emu = createEmulator(SHARED);
  const sheet = emu.spreadsheet.getSheets()[0];
  const p = sheet.getRange('B1:B10').protect();
  p.addEditors([OWNER, 'bgk@gmail.com']);
  p.removeEditors(['gk@quandoan11.vn']);
  emu.setUser('bgk@gmail.com');
  expect(() => sheet.getRange('B2').setValue(9)).toThrow(errors.NO_PERMISSION_ACTION); // a protection editor, not a file editor
  emu.setUser(OWNER);
  emu.spreadsheet.addEditor('bgk@gmail.com');
  emu.setUser('bgk@gmail.com');
  sheet.getRange('B2').setValue(9);
  expect(emu.spreadsheet.getEditors().map((u) => u.getEmail())).toContain('bgk@gmail.com');
  emu.setUser('gk@quandoan11.vn'); // a file editor removed from the protection
  expect(() => sheet.getRange('B3').setValue(9)).toThrow(errors.PROTECTED_EDIT);
});

test('anyone with the link: anonymous edits run no simple onEdit; the installable event has FULL and the owner as e.user', () => {
  const emu = createEmulator({ ...VN, sharing: { anyoneWithLinkCanEdit: true } });
  const seen: string[] = [];
  emu.setHandlers({
    onEdit: () => void seen.push('simple'),
    onSettingsEdit: (e) => {
      const ev = e as GoogleAppsScript.Events.SheetsOnEdit;
      seen.push(`installable ${ev.authMode} ${ev.user.getEmail()}`);
    },
  });
  emu.ScriptApp.newTrigger('onSettingsEdit').forSpreadsheet(emu.spreadsheet).onEdit().create();
  const name = emu.spreadsheet.getSheets()[0].getName();
  emu.editCell(name, 'A1', 'x', { anonymous: true });
  expect(seen).toEqual([`installable FULL ${OWNER}`]);
  expect(emu.spreadsheet.getRange('A1').getValue()).toBe('x');
  // a named user of another domain: simple onEdit runs; the installable event's user is blank
  seen.length = 0;
  emu.setUser('gk@gmail.com');
  emu.editCell(name, 'A2', 'y');
  expect(seen).toEqual(['simple', 'installable FULL ']);
  // without link sharing an anonymous editor is refused
  const closed = createEmulator({ ...VN, sharing: {} });
  expect(() => closed.editCell(closed.spreadsheet.getSheets()[0].getName(), 'A1', 'x', { anonymous: true })).toThrow(errors.NO_PERMISSION_ACTION);
});
