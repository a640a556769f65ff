// Data validation rules and checkboxes, as SpreadsheetApp builds and reports them.
import { createEmulator } from '../src';
import { VN } from './options';

function setup() {
  const emu = createEmulator(VN);
  return { emu, app: emu.SpreadsheetApp, sheet: emu.spreadsheet.getActiveSheet() };
}

test("builder produces rules with Google's criteria types and values", () => {
  const { app, sheet } = setup();
  const list = app.newDataValidation().requireValueInList(['Đạt', 'Không đạt'], true).setAllowInvalid(false).setHelpText('Chọn').build();
  const num = app.newDataValidation().requireNumberBetween(0, 10).build();
  const url = app.newDataValidation().requireTextIsUrl().build();
  sheet.getRange('A2:A5').setDataValidation(list);
  sheet.getRange('B2:B5').setDataValidation(num);
  sheet.getRange('C2').setDataValidation(url);
  const got = sheet.getRange('A3').getDataValidation()!;
  expect(got.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
  expect(got.getCriteriaValues()).toEqual([['Đạt', 'Không đạt'], true]);
  expect(got.getAllowInvalid()).toBe(false);
  expect(got.getHelpText()).toBe('Chọn');
  expect(sheet.getRange('B2').getDataValidation()!.getCriteriaValues()).toEqual([0, 10]);
  expect(sheet.getRange('C2').getDataValidation()!.getCriteriaType()).toBe('TEXT_IS_VALID_URL');
  expect(app.newDataValidation().requireCheckbox().build().getAllowInvalid()).toBe(true); // Google's default
  const grid = sheet.getRange('A1:B2').getDataValidations();
  expect(grid[0]).toEqual([null, null]);
  expect(grid[1].map((r) => r && r.getCriteriaType())).toEqual(['VALUE_IN_LIST', 'NUMBER_BETWEEN']);
});

test("scripts may write values a rule rejects; the emulator reports them like Sheets' red corner", () => {
  const { emu, app, sheet } = setup();
  sheet.getRange('B2:B4').setDataValidation(app.newDataValidation().requireNumberBetween(0, 10).build());
  sheet.getRange('B2:B4').setValues([[9.5], [11], ['9,5a']]);
  expect(emu.invalidCells(sheet.getName()).sort()).toEqual(['B3', 'B4']);
});

test('insertCheckboxes: checkbox rule on each cell and every value set to false (unchecked)', () => {
  const { sheet } = setup();
  sheet.getRange('A1:A3').setValues([[''], [true], ['x']]);
  sheet.getRange('A1:A3').insertCheckboxes();
  expect(sheet.getRange('A1:A3').getValues()).toEqual([[false], [false], [false]]);
  expect(sheet.getRange('A2').getDataValidation()!.getCriteriaType()).toBe('CHECKBOX');
  sheet.getRange('A2').setValue(true);
  expect(sheet.getRange('A2').isChecked()).toBe(true);
  expect(sheet.getRange('A1:A3').isChecked()).toBeNull(); // mixed
  sheet.getRange('A1:A3').check();
  expect(sheet.getRange('A1:A3').getValues().flat()).toEqual([true, true, true]);
  sheet.getRange('A1:A3').uncheck();
  expect(sheet.getRange('A1:A3').isChecked()).toBe(false);
  sheet.getRange('A1').removeCheckboxes();
  expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  expect(sheet.getRange('A1').getValue()).toBe('');
});

test('clear() keeps validation, clearDataValidations() removes it', () => {
  const { app, sheet } = setup();
  const r = sheet.getRange('A1');
  r.setDataValidation(app.newDataValidation().requireCheckbox().build()).setValue(true).setBackground('#eee');
  r.clear();
  expect(r.getValue()).toBe('');
  expect(r.getBackground()).toBe('#ffffff');
  // Still the checkbox rule it had before clear(), not just any rule.
  expect(r.getDataValidation()?.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
  r.clearDataValidations();
  expect(r.getDataValidation()).toBeNull();
});
