// The submission form in the emulator: its questions, one trigger however often setup runs, linking, unit links, the deadline.
import { formImplOf } from '../../packages/gas-emulator/src';
import { PLEDGE_TEXT } from '../../src/forms/questions';
import { scheduledJobsTrigger } from '../../src/flows/jobs';
import { runTrigger } from '../../src/ui/runner';
import { createFormAction, createOrLinkForm } from '../../src/flows/createForm';
import { runMenuAction } from '../../src/ui/runner';
import { syncSubmissions } from '../../src/flows/syncSubmissions';
import { syncUnitList } from '../../src/flows/syncUnits';
import { DEFAULT_APPRAISAL_CRITERIA } from '../../src/domain/appraisal';
import { DEFAULT_CONTEST_NAME } from '../../src/domain/settings';
import { ROSTER, answers, contextFor, makeContest, type Contest } from './fixture';

function triggers(c: Contest, handler: string) {
  return c.emu.triggers.all.filter((t) => t.getHandlerFunction() === handler);
}

/** Types a value into "Giá trị" of the "Cấu hình" row labelled `label`, as an organizer would. */
function setSetting(c: Contest, label: string, value: string): void {
  const labels = c.column('Cấu hình', 'Thiết lập');
  const row = labels.indexOf(label) + 2;
  expect(row).toBeGreaterThan(1);
  c.sheet('Cấu hình').getRange(row, 2).setValue(value);
}

function configValue(c: Contest, label: string): unknown {
  return c.rows('Cấu hình').find((r) => r[0] === label)?.[1];
}

describe('the form built by "Tạo / liên kết biểu mẫu"', () => {
  test('has the spec questions, in order, with choices, required flags and validations', () => {
    const c = makeContest();
    const d = c.emu.describeForm(c.form);
    // The contest name's straight quotes become “ ” in the title, so the slogan reads as part of it.
    expect(DEFAULT_CONTEST_NAME).toContain('"Tuổi trẻ Quận 11');
    expect(d.title).toBe(`Nộp bài dự thi – ${DEFAULT_CONTEST_NAME.replace('"', '“').replace('"', '”')}`);
    expect(d.description).toContain('Hạn nộp bài: 10/06/2023 23:59');
    for (const criterion of DEFAULT_APPRAISAL_CRITERIA) expect(d.description).toContain(criterion.text);
    expect(d.destinationId).toBe(c.emu.spreadsheet.getId());
    expect(d.items.map((i) => [i.type, i.title, i.required])).toEqual([
      ['LIST', 'Đơn vị', true],
      ['MULTIPLE_CHOICE', 'Hình thức tham gia', true],
      ['PARAGRAPH_TEXT', 'Tác giả', true],
      ['TEXT', 'Tên tác phẩm', true],
      ['TEXT', 'Link video', true],
      ['TEXT', 'Thời lượng', true],
      ['TEXT', 'Người liên hệ', true],
      ['TEXT', 'Số điện thoại', true],
      ['TEXT', 'Email', true],
      ['CHECKBOX', 'Cam kết', true],
    ]);
    const item = (title: string) => d.items.find((i) => i.title === title)!;
    expect(item('Đơn vị').choices).toEqual(ROSTER.map((r) => r[1]));
    expect(item('Hình thức tham gia').choices).toEqual(['Cá nhân', 'Tập thể']);
    expect(item('Cam kết').choices).toEqual([PLEDGE_TEXT]);
    expect(item('Link video').validation?.kind).toBe('URL');
    expect(item('Email').validation?.kind).toBe('EMAIL');
  });

  test('refuses a video link that is not a URL, and a submission without the pledge', () => {
    const c = makeContest();
    expect(() => c.emu.submitForm(c.form, answers({ 'Link video': 'xem trên trang Facebook của đoàn' }))).toThrow(/Link video/);
    expect(() => c.emu.submitForm(c.form, answers({ 'Cam kết': [] }))).toThrow(/Cam kết/);
    expect(c.form.getResponses()).toHaveLength(0);
  });

  test('running setup again keeps the same form, one submit trigger, one deadline trigger, no new "Cấu hình" rows', () => {
    const c = makeContest();
    const configRows = c.rows('Cấu hình').length;
    const again = createOrLinkForm(c.ctx);
    const third = createOrLinkForm(c.ctx);
    expect(again.created).toBe(false);
    expect(again.triggerCreated).toBe(false);
    expect(third.form.getId()).toBe(c.form.getId());
    expect(triggers(c, 'onFormSubmit')).toHaveLength(1);
    // On the contest spreadsheet, where the form writes its responses (an add-on triggers only on its own file).
    expect(triggers(c, 'onFormSubmit')[0].getTriggerSourceId()).toBe(c.emu.spreadsheet.getId());
    expect(triggers(c, 'runScheduledJobs')).toHaveLength(1);
    expect(c.rows('Cấu hình')).toHaveLength(configRows);
    expect(configValue(c, 'ID biểu mẫu')).toBe(c.form.getId());
    expect(configValue(c, 'Link biểu mẫu')).toBe(c.form.getPublishedUrl());
    expect(configValue(c, 'Link sửa biểu mẫu')).toBe(c.form.getEditUrl());
    // One submission through that single trigger → one row (a second trigger would still not duplicate, but fire twice).
    c.emu.submitForm(c.form, answers());
    expect(c.emu.triggerRuns.filter((r) => r.handler === 'onFormSubmit')).toHaveLength(1);
    expect(c.rows('Bài dự thi')).toHaveLength(1);
  });

  test('each unit link is prefilled with exactly that unit name, and submitting from it lands under that unit', () => {
    const c = makeContest();
    const links = c.column('Đơn vị', 'Link nộp bài') as string[];
    const unitItem = c.emu.describeForm(c.form).items.find((i) => i.title === 'Đơn vị')!;
    expect(links).toHaveLength(ROSTER.length);
    links.forEach((link, i) => {
      const url = new URL(link);
      expect(url.origin + url.pathname).toBe(c.form.getPublishedUrl());
      expect(url.searchParams.get('usp')).toBe('pp_url');
      expect(url.searchParams.get(`entry.${unitItem.id}`)).toBe(ROSTER[i][1]);
    });
    // The respondent opens the THPT link: the unit answer is what the link carries.
    const prefilled = new URL(links[3]).searchParams.get(`entry.${unitItem.id}`)!;
    c.emu.submitForm(c.form, answers({ 'Đơn vị': prefilled }));
    expect(c.column('Bài dự thi', 'Đơn vị')).toEqual(['Chi đoàn Trường THPT Nguyễn Hiền']);
  });

  test('"Đồng bộ danh sách đơn vị" follows the roster: new unit in the dropdown and given a link', () => {
    const c = makeContest();
    c.sheet('Đơn vị')
      .getRange(6, 1, 1, 2)
      .setValues([['P16', 'Đoàn Phường 16']]);
    const result = syncUnitList(c.ctx);
    expect(result.units).toBe(5);
    const d = c.emu.describeForm(c.form);
    expect(d.items[0].choices).toEqual([...ROSTER.map((r) => r[1]), 'Đoàn Phường 16']);
    const link = String(c.column('Đơn vị', 'Link nộp bài')[4]);
    expect(new URL(link).searchParams.get(`entry.${d.items[0].id}`)).toBe('Đoàn Phường 16');
  });
});

describe('linking an existing form', () => {
  test('a form missing questions gets a message naming each one, and nothing is changed', () => {
    const c = makeContest();
    const other = c.emu.FormApp.create('Biểu mẫu cũ');
    other.addTextItem().setTitle('Đơn vị');
    other.addTextItem().setTitle('Tên tác phẩm');
    expect(() => createOrLinkForm(c.ctx, other.getEditUrl())).toThrow(/thiếu 3 câu hỏi[\s\S]*"Hình thức tham gia"[\s\S]*"Tác giả"[\s\S]*"Link video"/);
    expect(configValue(c, 'ID biểu mẫu')).toBe(c.form.getId());
    // On the contest spreadsheet, where the form writes its responses (an add-on triggers only on its own file).
    expect(triggers(c, 'onFormSubmit')[0].getTriggerSourceId()).toBe(c.emu.spreadsheet.getId());
  });

  test('a hand-made form with other titles and a free-text unit is linked; its answers are matched to the roster', () => {
    const c = makeContest();
    const hand = c.emu.FormApp.create('Nộp clip');
    hand.addTextItem().setTitle('Tên đơn vị:');
    hand.addMultipleChoiceItem().setTitle('Hình thức dự thi').setChoiceValues(['Cá nhân', 'Tập thể']);
    hand.addTextItem().setTitle('Họ tên tác giả (hoặc nhóm)');
    hand.addTextItem().setTitle('Tên video clip');
    hand.addTextItem().setTitle('Đường dẫn video');
    const result = createOrLinkForm(c.ctx, hand.getEditUrl());
    expect(result.created).toBe(false);
    expect(result.warnings.join('\n')).toContain('câu trả lời tự do');
    // Still one submit trigger, on the spreadsheet the linked form now writes to.
    expect(triggers(c, 'onFormSubmit').map((t) => t.getTriggerSourceId())).toEqual([c.emu.spreadsheet.getId()]);
    expect(configValue(c, 'ID biểu mẫu')).toBe(hand.getId());
    c.emu.submitForm(hand, {
      'Tên đơn vị:': 'phuong mot', // an alias, typed without diacritics
      'Hình thức dự thi': 'Tập thể',
      'Họ tên tác giả (hoặc nhóm)': 'Nhóm B',
      'Tên video clip': 'Clip B',
      'Đường dẫn video': 'https://youtu.be/b',
    });
    const row = c.rows('Bài dự thi')[0];
    expect(row.slice(0, 7)).toEqual(['HT-001', expect.any(Date), 'Đoàn Phường 1', 'Tập thể', 'Nhóm B', 'Clip B', 'https://youtu.be/b']);
    // Questions the hand-made form lacks are reported on the row rather than guessed.
    expect(c.column('Bài dự thi', 'Cảnh báo')[0]).toBe('Thiếu thông tin: Thời lượng, Người liên hệ, Số điện thoại, Email');
  });

  test('a file-upload question added by hand: its Drive link becomes the video link', () => {
    const c = makeContest();
    // Scripts cannot create upload questions; the organizer adds one in the Forms editor (emulated here).
    formImplOf(c.form)._newItem('FILE_UPLOAD')._title = 'Tải video lên';
    c.form
      .getItems()
      .find((i) => i.getTitle() === 'Link video')!
      .asTextItem()
      .setRequired(false);
    expect(createOrLinkForm(c.ctx).lines.join('\n')).toContain('1 câu hỏi tải tệp lên');
    const fileId = '1Zx9VideoFileUploadedThroughTheForm0000';
    c.emu.submitForm(c.form, answers({ 'Link video': '', 'Tải video lên': fileId }));
    expect(c.column('Bài dự thi', 'Link video')).toEqual([`https://drive.google.com/open?id=${fileId}`]);
    expect(c.column('Bài dự thi', 'Cảnh báo')).toEqual(['']);
  });
});

describe('closing at the deadline', () => {
  test('the form closes after 10/06/2023 23:59 with a message naming the deadline, logged in "Nhật ký"', () => {
    const c = makeContest();
    const [t] = triggers(c, 'runScheduledJobs');
    // The deadline minute 23:59 stays open; the trigger fires at 00:00 on 11/06 (+07:00).
    expect(new Date(t._nextRun!).toISOString()).toBe(new Date('2023-06-11T00:00:00+07:00').toISOString());
    c.emu.runTimeTriggers(new Date('2023-06-10T23:59:30+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(true);
    c.emu.runTimeTriggers(new Date('2023-06-11T00:05:00+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(false);
    expect(c.form.getCustomClosedFormMessage()).toContain('10/06/2023 23:59');
    expect(() => c.emu.submitForm(c.form, answers())).toThrow(/10\/06\/2023 23:59/);
    const log = c.rows('Nhật ký').map((r) => `${r[2]}: ${r[3]}`);
    expect(log).toContain('Lịch tự động: Đã đóng biểu mẫu vì đã quá hạn nộp bài (10/06/2023 23:59).');
  });

  test('typing a new "Hạn nộp bài" moves the closing trigger at once, through the one installed edit trigger', () => {
    const c = makeContest();
    createOrLinkForm(c.ctx);
    expect(triggers(c, 'onSettingsEdit')).toHaveLength(1);
    expect(triggers(c, 'onSettingsEdit')[0].getTriggerSourceId()).toBe(c.emu.spreadsheet.getId());
    // "Hạn nộp bài" is the 3rd setting: row 4, column B ("Giá trị"). 05/06/2023 17:00 (+07:00) closes at 17:01.
    expect(c.column('Cấu hình', 'Thiết lập')[2]).toBe('Hạn nộp bài');
    c.emu.editCell('Cấu hình', 'B4', '05/06/2023 17:00');
    const all = triggers(c, 'runScheduledJobs');
    expect(all).toHaveLength(1);
    expect(new Date(all[0]._nextRun!).toISOString()).toBe(new Date('2023-06-05T17:01:00+07:00').toISOString());
    const log = c.rows('Nhật ký').map((r) => `${r[2]}: ${r[3]}`);
    expect(log).toContain('Dời giờ đóng biểu mẫu theo "Cấu hình": Biểu mẫu sẽ tự đóng sau 05/06/2023 17:00.');
    // Editing another setting does not touch the trigger.
    const uid = all[0].getUniqueId();
    c.emu.editCell('Cấu hình', 'B2', 'Hội thi thử');
    expect(triggers(c, 'runScheduledJobs').map((t) => t.getUniqueId())).toEqual([uid]);
  });

  test('a second sync keeps the deadline trigger already at the right time: same id, no trigger created or deleted', () => {
    const c = makeContest();
    syncSubmissions(c.ctx);
    const [first] = triggers(c, 'runScheduledJobs');
    c.emu.calls.reset();
    syncSubmissions(c.ctx);
    syncUnitList(c.ctx);
    createOrLinkForm(c.ctx);
    expect(triggers(c, 'runScheduledJobs').map((t) => t.getUniqueId())).toEqual([first.getUniqueId()]);
    const calls = c.emu.calls.byMethod();
    // Three runs, none of which changes the deadline: no clock trigger built (newTrigger → timeBased → at → create)
    // and none deleted; the onFormSubmit and edit triggers are kept too.
    expect(calls['ScriptApp.newTrigger'] ?? 0).toBe(0);
    expect(calls['ScriptApp.deleteTrigger'] ?? 0).toBe(0);
    // It still fires at 00:00 on 11/06 (+07:00) and closes the form.
    expect(new Date(first._nextRun!).toISOString()).toBe(new Date('2023-06-11T00:00:00+07:00').toISOString());
    c.emu.runTimeTriggers(new Date('2023-06-11T00:05:00+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(false);
  });

  test('a kept trigger is replaced as soon as the deadline changes, and the trigger that fired early is never kept', () => {
    const c = makeContest();
    const [first] = triggers(c, 'runScheduledJobs');
    setSetting(c, 'Hạn nộp bài', '05/06/2023 17:00');
    syncSubmissions(c.ctx);
    const [moved] = triggers(c, 'runScheduledJobs');
    expect(moved.getUniqueId()).not.toBe(first.getUniqueId());
    expect(new Date(moved._nextRun!).toISOString()).toBe(new Date('2023-06-05T17:01:00+07:00').toISOString());
    // The clock trigger running early (16:59:30, before 17:01: Apps Script's clock triggers are not exact)
    // re-schedules: a one-time trigger does not fire again, so a fresh one is made though the time is the same.
    c.emu.setNow(new Date('2023-06-05T16:59:30+07:00'));
    runTrigger(contextFor(c.emu), scheduledJobsTrigger, { triggerUid: moved.getUniqueId() });
    expect(c.form.isAcceptingResponses()).toBe(true);
    const [fresh] = triggers(c, 'runScheduledJobs');
    expect(triggers(c, 'runScheduledJobs')).toHaveLength(1);
    expect(fresh.getUniqueId()).not.toBe(moved.getUniqueId());
    c.emu.runTimeTriggers(new Date('2023-06-05T17:05:00+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(false);
  });

  test('the "Tạo / liên kết biểu mẫu" summary says how a new deadline reaches the form', () => {
    const c = makeContest();
    const result = createOrLinkForm(c.ctx);
    expect(result.lines).toContain(
      'Khi sửa "Hạn nộp bài" (hoặc "Nhận bài nộp trễ", "Múi giờ") trong trang "Cấu hình", giờ đóng biểu mẫu tự dời theo và được ghi vào "Nhật ký". Nếu giờ đóng không đổi (ví dụ ô được sửa bằng script), hãy chạy "Đồng bộ danh sách đơn vị" để dời lại.',
    );
  });

  test('a deadline moved earlier moves the trigger when units or submissions are synced', () => {
    const c = makeContest();
    setSetting(c, 'Hạn nộp bài', '05/06/2023 17:00');
    syncSubmissions(c.ctx);
    const all = triggers(c, 'runScheduledJobs');
    expect(all).toHaveLength(1);
    expect(new Date(all[0]._nextRun!).toISOString()).toBe(new Date('2023-06-05T17:01:00+07:00').toISOString());
    c.emu.runTimeTriggers(new Date('2023-06-05T18:00:00+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(false);
  });

  test('a deadline moved later without re-running anything: the old trigger re-schedules instead of closing', () => {
    const c = makeContest();
    setSetting(c, 'Hạn nộp bài', '11/06/2023 20:00');
    c.emu.runTimeTriggers(new Date('2023-06-11T12:00:00+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(true);
    c.emu.runTimeTriggers(new Date('2023-06-11T21:00:00+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(false);
    expect(c.form.getCustomClosedFormMessage()).toContain('11/06/2023 20:00');
  });

  test('a form closed at the deadline reopens when the deadline is extended and units are synced', () => {
    const c = makeContest();
    c.emu.runTimeTriggers(new Date('2023-06-11T08:00:00+07:00'));
    expect(c.form.isAcceptingResponses()).toBe(false);
    setSetting(c, 'Hạn nộp bài', '11/06/2023 20:00');
    expect(syncUnitList(c.ctx).lines.join('\n')).toContain('đã mở lại');
    expect(c.form.isAcceptingResponses()).toBe(true);
  });

  test('with "Nhận bài nộp trễ" = Có the form stays open and no closing trigger is kept', () => {
    const c = makeContest();
    setSetting(c, 'Nhận bài nộp trễ', 'Có');
    createOrLinkForm(c.ctx);
    // The scheduler's one trigger now waits only for the next job, freezing the Fanpage counts at the
    // end of voting (19/06/2023 16:00): nothing is due at the deadline.
    const [next] = triggers(c, 'runScheduledJobs');
    expect(triggers(c, 'runScheduledJobs')).toHaveLength(1);
    expect(new Date(next._nextRun!).toISOString()).toBe(new Date('2023-06-19T16:00:00+07:00').toISOString());
    c.emu.runTimeTriggers(new Date('2023-06-11T08:00:00+07:00'));
    c.emu.submitForm(c.form, answers());
    expect(c.column('Bài dự thi', 'Cảnh báo')).toEqual(['Nộp trễ']);
  });
});

describe('the contest name inside sentences (no quotes inside quotes)', () => {
  const SLOGAN = '“Tuổi trẻ Quận 11 thời kỳ chuyển đổi số gắn với phong trào 3 trách nhiệm”';

  test('the "Tạo / liên kết biểu mẫu" summary names the form after a colon, its slogan in “ ”', () => {
    const c = makeContest({ withForm: false });
    // Through the menu door, which writes the "Nhật ký" line from the summary's first lines.
    const created = runMenuAction(c.ctx, createFormAction, '');
    expect(created.lines[0]).toBe(`Đã tạo biểu mẫu: Nộp bài dự thi – Hội thi video clip ${SLOGAN}.`);
    // Every straight quote left in the line pairs around a sheet name, never around the title.
    expect(created.lines[0]).not.toContain('"');
    expect(createOrLinkForm(c.ctx).lines[0]).toBe(`Đã kiểm tra biểu mẫu: Nộp bài dự thi – Hội thi video clip ${SLOGAN}.`);
    const log = c.rows('Nhật ký').map((r) => String(r[3]));
    expect(log.some((l) => l.startsWith(`Đã tạo biểu mẫu: Nộp bài dự thi – Hội thi video clip ${SLOGAN}.`))).toBe(true);
  });

  test('a linked form whose own title has quotes is named without nesting them', () => {
    const c = makeContest();
    const other = c.emu.FormApp.create('Nộp bài "Tuổi trẻ"');
    other.addTextItem().setTitle('Đơn vị');
    expect(() => createOrLinkForm(c.ctx, other.getEditUrl())).toThrow('Tên biểu mẫu: Nộp bài "Tuổi trẻ"\nBiểu mẫu này thiếu 4 câu hỏi');
  });

  test('the closed-form message and the description use “ ” for the slogan', () => {
    const c = makeContest();
    c.emu.runTimeTriggers(new Date('2023-06-11T00:05:00+07:00'));
    expect(c.form.getCustomClosedFormMessage()).toBe(`Đã hết hạn nộp bài lúc 10/06/2023 23:59. Cảm ơn các đơn vị đã tham gia Hội thi video clip ${SLOGAN}.`);
    expect(c.form.getDescription()).toContain(`tổ chức Hội thi video clip ${SLOGAN}.`);
  });
});
