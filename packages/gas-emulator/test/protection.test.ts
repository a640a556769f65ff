// Protection: who may write where, with Google's error, and the editor rules of new protections.
import { createEmulator, errors } from '../src';
import { VN } from './options';

const OWNER = 'btc@quandoan11.vn';
const JUROR_A = 'giamkhao.a@quandoan11.vn';
const JUROR_B = 'giamkhao.b@quandoan11.vn';

function setup() {
  const emu = createEmulator({ ...VN, owner: OWNER, collaborators: [JUROR_A, JUROR_B] });
  const ss = emu.SpreadsheetApp.getActiveSpreadsheet()!;
  const tabA = ss.insertSheet('BGK - A');
  const p = tabA.protect().setDescription('Phiếu chấm của A');
  p.removeEditors(p.getEditors());
  p.addEditor(JUROR_A);
  return { emu, ss, tabA, p };
}

test('a new protection mirrors the spreadsheet editors until the script removes them', () => {
  const emu = createEmulator({ ...VN, owner: OWNER, collaborators: [JUROR_A] });
  const sheet = emu.spreadsheet.getActiveSheet();
  const p = sheet.getRange('A1:B2').protect();
  expect(
    p
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
  ).toEqual([OWNER, JUROR_A].sort());
  emu.setUser(JUROR_A);
  sheet.getRange('A1').setValue('vẫn sửa được'); // still an editor: nothing is protected yet
  expect(sheet.getRange('A1').getValue()).toBe('vẫn sửa được');
});

test("a juror cannot write into another juror's tab; nothing changes", () => {
  const { emu, tabA } = setup();
  tabA.getRange('B2').setValue(8); // owner writes
  emu.setUser(JUROR_B);
  expect(() => tabA.getRange('B2').setValue(10)).toThrow(errors.PROTECTED_EDIT);
  expect(() =>
    tabA.getRange('A1:C3').setValues([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]),
  ).toThrow(errors.PROTECTED_EDIT);
  expect(() => tabA.getRange('C2').insertCheckboxes()).toThrow(errors.PROTECTED_EDIT);
  expect(() => tabA.getRange('C2').clearContent()).toThrow(errors.PROTECTED_EDIT);
  expect(() => tabA.appendRow(['x'])).toThrow(errors.PROTECTED_EDIT);
  emu.setUser(OWNER);
  expect(tabA.getRange('B2').getValue()).toBe(8);
  expect(tabA.getLastRow()).toBe(2);
});

test('the juror named as editor and the owner can write', () => {
  const { emu, tabA } = setup();
  emu.setUser(JUROR_A);
  tabA.getRange('B2').setValue(9);
  emu.setUser(OWNER);
  tabA.getRange('B3').setValue(7);
  expect(tabA.getRange('B2:B3').getValues()).toEqual([[9], [7]]);
});

test("the error text is Google's exact wording", () => {
  expect(errors.PROTECTED_EDIT).toBe(
    'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
  );
});

test('unprotected ranges of a sheet protection stay open to everyone', () => {
  const { emu, ss, p } = setup();
  const tab = ss.getSheetByName('BGK - A')!;
  p.setUnprotectedRanges([tab.getRange('E2:E10')]);
  emu.setUser(JUROR_B);
  tab.getRange('E5').setValue('ghi chú');
  expect(() => tab.getRange('D5:E5').setValues([['x', 'y']])).toThrow(errors.PROTECTED_EDIT); // D5 is protected
});

test('range protections: overlapping protections, warning-only, canEdit and removal', () => {
  const emu = createEmulator({ ...VN, owner: OWNER, collaborators: [JUROR_A] });
  const sheet = emu.spreadsheet.getActiveSheet();
  const p = sheet.getRange('A1:A5').protect();
  p.removeEditors([JUROR_A]);
  expect(sheet.getProtections(emu.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
  emu.setUser(JUROR_A);
  expect(p.canEdit()).toBe(false);
  sheet.getRange('B1').setValue('ok'); // outside the protected range
  expect(() => sheet.getRange('A3').setValue('no')).toThrow(errors.PROTECTED_EDIT);
  expect(() => p.remove()).toThrow(errors.PROTECTED_EDIT); // only editors may remove it
  emu.setUser(OWNER);
  p.setWarningOnly(true);
  emu.setUser(JUROR_A);
  sheet.getRange('A3').setValue('cảnh báo thôi');
  emu.setUser(OWNER);
  p.remove();
  expect(sheet.getProtections(emu.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
});

test('neither the owner nor the current user can be removed from the editors', () => {
  const emu = createEmulator({ ...VN, owner: OWNER, user: JUROR_A, collaborators: [JUROR_B] });
  const p = emu.spreadsheet.getActiveSheet().protect();
  p.removeEditors(p.getEditors());
  expect(
    p
      .getEditors()
      .map((u) => u.getEmail())
      .sort(),
  ).toEqual([OWNER, JUROR_A].sort());
});

test('sheet.protect() returns the existing sheet protection', () => {
  const { tabA, p } = setup();
  expect(tabA.protect().getDescription()).toBe(p.getDescription());
});
