// Add-on mode (createEmulator({ addon: true })): Google's editor add-on rules, several documents in one world.
import { createEmulator, errors } from '../src';
import { VN } from './options';

const ADDON = { ...VN, addon: true };

test('createMenu throws in add-on mode, createAddonMenu works; bound mode keeps createMenu', () => {
  const emu = createEmulator(ADDON);
  expect(() => emu.SpreadsheetApp.getUi().createMenu('Hội thi')).toThrow(errors.ADDON_CREATE_MENU);
  emu.SpreadsheetApp.getUi().createAddonMenu().addItem('Thiết lập', 'setup').addToUi();
  expect(emu.ui.menu('Hội thi')!.addon).toBe(true);
  expect(() => createEmulator(VN).SpreadsheetApp.getUi().createMenu('Hội thi')).not.toThrow();
});

test('triggers only on the host document: forForm and another spreadsheet are refused', () => {
  const emu = createEmulator(ADDON);
  const form = emu.FormApp.create('F');
  const other = emu.createSpreadsheet('Khác');
  expect(() => emu.ScriptApp.newTrigger('h').forForm(form).onFormSubmit().create()).toThrow(errors.ADDON_FORM_TRIGGER);
  expect(() => emu.ScriptApp.newTrigger('h').forSpreadsheet(other).onEdit().create()).toThrow(errors.ADDON_OTHER_FILE);
  emu.ScriptApp.newTrigger('h').forSpreadsheet(emu.spreadsheet).onEdit().create();
  // bound mode: both allowed
  const bound = createEmulator(VN);
  bound.ScriptApp.newTrigger('h').forForm(bound.FormApp.create('F')).onFormSubmit().create();
});

test('one trigger of each type per user per document; another user or document may have its own', () => {
  const emu = createEmulator(ADDON);
  const ss = emu.spreadsheet;
  emu.ScriptApp.newTrigger('a').forSpreadsheet(ss).onEdit().create();
  expect(() => emu.ScriptApp.newTrigger('b').forSpreadsheet(ss).onEdit().create()).toThrow(errors.addonOneTriggerPerType('ON_EDIT'));
  emu.ScriptApp.newTrigger('c').forSpreadsheet(ss).onFormSubmit().create();
  emu.ScriptApp.newTrigger('d')
    .timeBased()
    .at(new Date(Date.now() + 3600000))
    .create();
  expect(() => emu.ScriptApp.newTrigger('e').timeBased().after(60000).create()).toThrow(errors.addonOneTriggerPerType('CLOCK'));
  emu.setUser('khac@quandoan11.vn');
  emu.ScriptApp.newTrigger('a').forSpreadsheet(ss).onEdit().create();
  const second = emu.createSpreadsheet('Hội thi 2');
  emu.setUser(VN.owner!);
  emu.withActiveSpreadsheet(second, () => emu.ScriptApp.newTrigger('a').forSpreadsheet(second).onEdit().create());
});

test('clock triggers at most hourly: everyMinutes refused, everyHours and one-time at() fine', () => {
  const emu = createEmulator(ADDON);
  expect(() => emu.ScriptApp.newTrigger('t').timeBased().everyMinutes(30).create()).toThrow(errors.ADDON_CLOCK_HOURLY);
  emu.ScriptApp.newTrigger('t').timeBased().everyHours(1).create();
  const other = createEmulator(ADDON);
  other.ScriptApp.newTrigger('t')
    .timeBased()
    .at(new Date(Date.now() + 60000))
    .create();
});

test('getProjectTriggers crosses documents, getUserTriggers(ss) is per document', () => {
  const emu = createEmulator(ADDON);
  const a = emu.spreadsheet;
  const b = emu.createSpreadsheet('B');
  emu.ScriptApp.newTrigger('onSubmit').forSpreadsheet(a).onFormSubmit().create();
  emu.withActiveSpreadsheet(b, () => {
    emu.ScriptApp.newTrigger('onSubmit').forSpreadsheet(b).onFormSubmit().create();
    emu.ScriptApp.newTrigger('close')
      .timeBased()
      .at(new Date(Date.now() + 3600000))
      .create();
    expect(emu.ScriptApp.getProjectTriggers()).toHaveLength(3);
    expect(emu.ScriptApp.getUserTriggers(b).map((t) => t.getHandlerFunction())).toEqual(['onSubmit', 'close']);
    expect(emu.ScriptApp.getUserTriggers(a).map((t) => t.getHandlerFunction())).toEqual(['onSubmit']);
  });
});

test('document locks are per document and null without one; the script lock is shared by every document', () => {
  const emu = createEmulator(ADDON);
  const b = emu.createSpreadsheet('B');
  emu.locks.holdByOther(true, 'document'); // someone holds document A's lock
  expect(emu.LockService.getDocumentLock()!.tryLock(10)).toBe(false);
  emu.withActiveSpreadsheet(b, () => expect(emu.LockService.getDocumentLock()!.tryLock(10)).toBe(true));
  emu.locks.holdByOther(true, 'script');
  emu.withActiveSpreadsheet(b, () => expect(emu.LockService.getScriptLock().tryLock(10)).toBe(false));
  // an add-on clock trigger has no document: no document lock, no active spreadsheet
  let seen: unknown[] = [];
  emu.setHandlers({
    tick: (e) => void (seen = [emu.LockService.getDocumentLock(), emu.SpreadsheetApp.getActiveSpreadsheet(), (e as { triggerUid: string }).triggerUid]),
  });
  emu.setNow(new Date('2025-01-01T00:00:00Z'));
  const t = emu.ScriptApp.newTrigger('tick').timeBased().after(1000).create();
  emu.runTimeTriggers(new Date('2025-01-01T00:01:00Z'));
  expect(seen).toEqual([null, null, t.getUniqueId()]);
  // bound mode: the bound spreadsheet is active in clock triggers
  const bound = createEmulator(VN);
  let active: unknown;
  bound.setHandlers({ tick: () => void (active = bound.SpreadsheetApp.getActiveSpreadsheet()) });
  bound.setNow(new Date('2025-01-01T00:00:00Z'));
  bound.ScriptApp.newTrigger('tick').timeBased().after(1000).create();
  bound.runTimeTriggers(new Date('2025-01-01T00:01:00Z'));
  expect(active).toBe(bound.spreadsheet);
});

test('onOpen gets AuthMode.NONE until the add-on is used in the document, then LIMITED; NONE allows only the menu', () => {
  const emu = createEmulator(ADDON);
  const modes: string[] = [];
  emu.setHandlers({
    onOpen: (e) => {
      const mode = (e as { authMode: string }).authMode;
      modes.push(mode);
      emu.SpreadsheetApp.getUi().createAddonMenu().addItem('Thiết lập', 'setup').addToUi();
      if (mode === 'NONE') expect(() => emu.PropertiesService.getDocumentProperties()).toThrow('You do not have permission to call');
    },
    onInstall: (e) => void modes.push(`install ${(e as { authMode: string }).authMode}`),
    setup: () => undefined,
  });
  emu.openInEditor();
  emu.run('setup'); // the user picks a menu item: the add-on is now enabled in this document
  emu.openInEditor();
  const b = emu.createSpreadsheet('B');
  emu.openDocument(b);
  emu.openInEditor();
  emu.installAddon();
  emu.openInEditor();
  expect(modes).toEqual(['NONE', 'LIMITED', 'NONE', 'install FULL', 'LIMITED']);
  // the simple onEdit follows the same rule
  const edits: string[] = [];
  emu.setHandlers({ onEdit: (e) => void edits.push((e as { authMode: string }).authMode) });
  const c = emu.createSpreadsheet('C');
  emu.openDocument(c);
  emu.editCell(c.getSheets()[0].getName(), 'A1', 'x');
  expect(edits).toEqual(['NONE']);
});

test('a spreadsheet form-submit trigger gets range, values, namedValues, source, triggerUid and FULL', () => {
  const emu = createEmulator(ADDON);
  emu.setNow(new Date('2023-06-10T03:00:00Z'));
  const form = emu.FormApp.create('Nộp bài');
  form.addTextItem().setTitle('Đơn vị');
  form.addTextItem().setTitle('Điểm');
  form.setDestination(emu.FormApp.DestinationType.SPREADSHEET, emu.spreadsheet.getId());
  let got: (GoogleAppsScript.Events.SheetsOnFormSubmit & { triggerUid: string; source: unknown }) | undefined;
  emu.setHandlers({ onSheetSubmit: (e) => void (got = e as typeof got) });
  const t = emu.ScriptApp.newTrigger('onSheetSubmit').forSpreadsheet(emu.spreadsheet).onFormSubmit().create();
  emu.submitForm(form, { 'Đơn vị': 'Phường 1', Điểm: '8,5' }, new Date('2023-06-11T02:00:00Z'));
  const sheet = emu.spreadsheet.getSheets()[0];
  expect(sheet.getName()).toBe('Câu trả lời biểu mẫu 1');
  expect(sheet.getRange('A1:C1').getValues()[0]).toEqual(['Dấu thời gian', 'Đơn vị', 'Điểm']);
  expect(got!.range.getA1Notation()).toBe('A2:C2');
  expect(got!.values).toEqual(['11/06/2023 09:00:00', 'Phường 1', '8,5']);
  expect(got!.namedValues).toEqual({ 'Dấu thời gian': ['11/06/2023 09:00:00'], 'Đơn vị': ['Phường 1'], Điểm: ['8,5'] });
  expect(got!.source).toBe(emu.spreadsheet);
  expect(got!.triggerUid).toBe(t.getUniqueId());
  expect(got!.authMode).toBe('FULL');
  expect(sheet.getRange('C2').getValue()).toBe(8.5);
  // an en_US destination: "Timestamp", "Form Responses 1"
  const en = emu.createSpreadsheet('EN');
  en.setSpreadsheetLocale('en_US');
  form.setDestination(emu.FormApp.DestinationType.SPREADSHEET, en.getId());
  expect(en.getSheets()[0].getName()).toBe('Form Responses 1');
  expect(en.getSheets()[0].getRange('A1').getValue()).toBe('Timestamp');
});

test('refuseProjectWide: the script lock and project-wide trigger list are refused (stricter than Google)', () => {
  const emu = createEmulator({ ...ADDON, refuseProjectWide: true });
  expect(() => emu.LockService.getScriptLock()).toThrow(errors.ADDON_SCRIPT_LOCK);
  expect(() => emu.ScriptApp.getProjectTriggers()).toThrow(errors.ADDON_PROJECT_TRIGGERS);
  // The per-document ones still work.
  expect(emu.LockService.getDocumentLock()).not.toBeNull();
  expect(emu.ScriptApp.getUserTriggers(emu.spreadsheet)).toEqual([]);
  // Without the option, add-on mode allows both, as Google does.
  expect(() => createEmulator(ADDON).LockService.getScriptLock()).not.toThrow();
});
