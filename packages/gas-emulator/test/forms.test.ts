// FormApp emulation: building a form, prefilled URLs, submissions, the response sheet and onFormSubmit triggers.
import { createEmulator, type EmulatorOptions } from '../src';
import { VN } from './options';

function buildForm(extra: EmulatorOptions = {}) {
  const emu = createEmulator({ ...VN, ...extra });
  emu.setNow(new Date('2023-06-10T03:00:00Z'));
  const FormApp = emu.FormApp;
  const form = FormApp.create('Hội thi video clip').setDescription('Hạn nộp: 30/6/2023').setConfirmationMessage('Cảm ơn!');
  const unit = form.addListItem().setTitle('Đơn vị').setChoiceValues(['Phường 1', 'Phường 2']).setRequired(true);
  const title = form.addTextItem().setTitle('Tên clip').setRequired(true);
  form.addSectionHeaderItem().setTitle('Cam kết');
  const link = form
    .addTextItem()
    .setTitle('Link video')
    .setRequired(true)
    .setValidation(FormApp.createTextValidation().requireTextIsUrl().setHelpText('Nhập đường link hợp lệ').build());
  const pledge = form.addCheckboxItem().setTitle('Cam kết').setChoiceValues(['Tôi cam kết']).setRequired(true);
  return { emu, FormApp, form, unit, title, link, pledge };
}

test('items keep titles, types, choices, requirement and validation', () => {
  const { emu, FormApp, form, unit } = buildForm();
  const items = form.getItems();
  expect(items.map((i) => i.getType())).toEqual([
    FormApp.ItemType.LIST,
    FormApp.ItemType.TEXT,
    FormApp.ItemType.SECTION_HEADER,
    FormApp.ItemType.TEXT,
    FormApp.ItemType.CHECKBOX,
  ]);
  const list = form.getItemById(unit.getId())!.asListItem();
  expect(list.getChoices().map((c) => c.getValue())).toEqual(['Phường 1', 'Phường 2']);
  expect(list.isRequired()).toBe(true);
  expect(() => items[0].asTextItem()).toThrow();
  const d = emu.describeForm(form);
  expect(d.items[3]).toMatchObject({ title: 'Link video', required: true, validation: { kind: 'URL', helpText: 'Nhập đường link hợp lệ' } });
  expect(d.description).toBe('Hạn nộp: 30/6/2023');
  form.deleteItem(2);
  expect(form.getItems()).toHaveLength(4);
  // Left: list, text "Tên clip", text "Link video", checkbox; moving index 3 to the front puts the checkbox first.
  form.moveItem(3, 0);
  expect(form.getItems().map((i) => i.getTitle())).toEqual(['Cam kết', 'Đơn vị', 'Tên clip', 'Link video']);
  // Index 7 is past the 4 items: refused, and nothing moves (a bad index must not pull the last item out).
  expect(() => form.moveItem(7, 0)).toThrow('Invalid argument: index');
  expect(form.getItems()).toHaveLength(4);
});

test('toPrefilledUrl puts the encoded answer under entry.<id> of the published form', () => {
  const { form, unit } = buildForm();
  const url = form.createResponse().withItemResponse(unit.createResponse('Phường 1')).toPrefilledUrl();
  expect(url).toBe(`${form.getPublishedUrl()}?usp=pp_url&entry.${unit.getId()}=Ph%C6%B0%E1%BB%9Dng%201`);
  expect(form.getPublishedUrl()).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS[\w-]+\/viewform$/);
  expect(() => unit.createResponse('Phường 9')).toThrow(); // not one of the choices
});

test('submitting writes the response sheet like Google, with text kept as text', () => {
  const { emu, form } = buildForm();
  const ss = emu.spreadsheet;
  form.setDestination(emu.FormApp.DestinationType.SPREADSHEET, ss.getId());
  expect(form.getDestinationId()).toBe(ss.getId());
  const sheet = ss.getSheets()[0]; // Google puts the response sheet first
  expect(sheet.getName()).toBe('Câu trả lời biểu mẫu 1');
  const at = new Date('2023-06-11T02:00:00Z');
  const r = emu.submitForm(
    form,
    { 'Đơn vị': 'Phường 2', 'Tên clip': '=IMPORTXML("http://x","//a")', 'Link video': 'https://youtu.be/abc', 'Cam kết': ['Tôi cam kết'] },
    at,
  );
  expect(r.getTimestamp()).toEqual(at);
  expect(r.getItemResponses().map((x) => x.getResponse())).toEqual(['Phường 2', '=IMPORTXML("http://x","//a")', 'https://youtu.be/abc', ['Tôi cam kết']]);
  expect(sheet.getRange(1, 1, 1, 5).getValues()[0]).toEqual(['Dấu thời gian', 'Đơn vị', 'Tên clip', 'Link video', 'Cam kết']);
  expect(sheet.getRange(2, 1, 1, 5).getValues()[0]).toEqual([at, 'Phường 2', '=IMPORTXML("http://x","//a")', 'https://youtu.be/abc', 'Tôi cam kết']);
  expect(sheet.getRange('C2').getFormula()).toBe(''); // Forms never writes formulas
  expect(form.getResponse(r.getId()!).getItemResponses()).toHaveLength(4);
});

test('the form page refuses missing required answers, bad URLs and closed forms', () => {
  const { emu, form } = buildForm();
  const ok = { 'Đơn vị': 'Phường 1', 'Tên clip': 'A', 'Link video': 'https://x.vn/v', 'Cam kết': ['Tôi cam kết'] };
  expect(() => emu.submitForm(form, { ...ok, 'Link video': 'không phải link' })).toThrow('Nhập đường link hợp lệ');
  expect(() => emu.submitForm(form, { ...ok, 'Tên clip': '' })).toThrow('Tên clip');
  form.setAcceptingResponses(false).setCustomClosedFormMessage('Đã hết hạn nộp bài');
  expect(() => emu.submitForm(form, ok)).toThrow('Đã hết hạn nộp bài');
  expect(form.getResponses()).toHaveLength(0);
});

test('an installed onFormSubmit trigger runs with {source, response, triggerUid}; disabled firing still records', () => {
  const { emu, form } = buildForm();
  form.setDestination(emu.FormApp.DestinationType.SPREADSHEET, emu.spreadsheet.getId());
  const seen: { title: string; uid: string; user: string }[] = [];
  emu.setHandlers({
    onSubmit: (e) => {
      const ev = e as GoogleAppsScript.Events.FormsOnFormSubmit;
      seen.push({ title: String(ev.response.getItemResponses()[1].getResponse()), uid: ev.triggerUid, user: emu.Session.getEffectiveUser().getEmail() });
      expect(ev.source.getId()).toBe(form.getId());
    },
  });
  const t = emu.ScriptApp.newTrigger('onSubmit').forForm(form).onFormSubmit().create();
  expect(t.getEventType()).toBe(emu.ScriptApp.EventType.ON_FORM_SUBMIT);
  expect(t.getTriggerSourceId()).toBe(form.getId());
  const ok = { 'Đơn vị': 'Phường 1', 'Tên clip': 'A', 'Link video': 'https://x.vn/v', 'Cam kết': ['Tôi cam kết'] };
  emu.submitForm(form, ok);
  const r2 = emu.submitForm(form, { ...ok, 'Tên clip': 'B' }, undefined, { fireTriggers: false });
  expect(seen).toEqual([{ title: 'A', uid: t.getUniqueId(), user: 'btc@quandoan11.vn' }]);
  expect(form.getResponses()).toHaveLength(2); // recorded even though the trigger did not fire
  expect(emu.spreadsheet.getSheets()[0].getLastRow()).toBe(3);
  emu.fireFormSubmit(form, r2); // e.g. Google firing late, or twice
  expect(seen.map((s) => s.title)).toEqual(['A', 'B']);
  expect(emu.triggerRuns).toHaveLength(2);
});

test('a spreadsheet onFormSubmit trigger gets range, values and namedValues', () => {
  const { emu, form } = buildForm();
  form.setDestination(emu.FormApp.DestinationType.SPREADSHEET, emu.spreadsheet.getId());
  let got: GoogleAppsScript.Events.SheetsOnFormSubmit | undefined;
  emu.setHandlers({ onSheetSubmit: (e) => void (got = e as GoogleAppsScript.Events.SheetsOnFormSubmit) });
  emu.ScriptApp.newTrigger('onSheetSubmit').forSpreadsheet(emu.spreadsheet).onFormSubmit().create();
  emu.submitForm(
    form,
    { 'Đơn vị': 'Phường 1', 'Tên clip': '0901234567', 'Link video': 'https://x.vn/v', 'Cam kết': ['Tôi cam kết'] },
    new Date('2023-06-11T02:00:00Z'),
  );
  expect(got!.range.getA1Notation()).toBe('A2:E2');
  // 02:00 UTC = 09:00 in Ho Chi Minh; the numeric answer lost its leading zero, as in Sheets
  expect(got!.values).toEqual(['11/06/2023 09:00:00', 'Phường 1', '901234567', 'https://x.vn/v', 'Tôi cam kết']);
  expect(got!.namedValues['Tên clip']).toEqual(['901234567']);
});

test('FormResponse.submit() from a script fires no trigger, as Google documents; strictScriptSubmits: false queues them', () => {
  for (const strict of [true, false]) {
    const { emu, form, unit, title, link, pledge } = buildForm(strict ? {} : { strictScriptSubmits: false });
    let runs = 0;
    emu.setHandlers({ h: () => void runs++ });
    emu.ScriptApp.newTrigger('h').forForm(form.getId()).onFormSubmit().create();
    form
      .createResponse()
      .withItemResponse(unit.createResponse('Phường 1'))
      .withItemResponse(title.createResponse('T'))
      .withItemResponse(link.createResponse('https://a.vn'))
      .withItemResponse(pledge.createResponse(['Tôi cam kết']))
      .submit();
    expect(runs).toBe(0);
    emu.runPendingTriggers();
    expect(runs).toBe(strict ? 0 : 1);
    expect(form.getResponses()).toHaveLength(1); // recorded either way
  }
});

test('date-time answers read as the wall clock in the script time zone', () => {
  const { form } = buildForm();
  const when = form.addDateTimeItem().setTitle('Thời điểm quay');
  // 02:00 UTC is 09:00 in Asia/Ho_Chi_Minh, whatever zone the machine runs in
  expect(when.createResponse(new Date('2023-06-11T02:00:00Z')).getResponse()).toBe('2023-06-11 09:00');
});

test('openById / openByUrl find the form; unknown ids fail', () => {
  const { emu, form } = buildForm();
  expect(emu.FormApp.openById(form.getId()).getTitle()).toBe('Hội thi video clip');
  expect(emu.FormApp.openByUrl(form.getEditUrl()).getId()).toBe(form.getId());
  expect(emu.FormApp.openByUrl(form.getPublishedUrl()).getId()).toBe(form.getId());
  expect(() => emu.FormApp.openById('nope')).toThrow('No item with the given ID could be found');
});
