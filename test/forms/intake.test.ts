// Intake in the emulator: rows and IDs under concurrency, text kept as text, warnings, duplicates, lock failures, sync.
import { handleFormSubmit } from '../../src/flows/intake';
import { responseRowKey } from '../../src/forms/response';
import { syncSubmissions, syncSubmissionsAction } from '../../src/flows/syncSubmissions';
import { runMenuAction } from '../../src/ui/runner';
import { answers, contextFor, makeContest, type Contest } from './fixture';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `HT-${String(i + 1).padStart(3, '0')}`);

function setSetting(c: Contest, label: string, value: string): void {
  const row = c.column('Cấu hình', 'Thiết lập').indexOf(label) + 2;
  c.sheet('Cấu hình').getRange(row, 2).setValue(value);
}

/** A distinct, valid submission number i (own title and video). */
const nth = (i: number, over: Record<string, string | string[]> = {}) =>
  answers({ 'Tên tác phẩm': `Clip số ${i}`, 'Link video': `https://youtu.be/clip${i}`, ...over });

describe('one submission', () => {
  test('becomes one "Bài dự thi" row and one pending "Thẩm định" row', () => {
    const c = makeContest();
    c.emu.submitForm(c.form, answers());
    expect(c.rows('Bài dự thi')).toEqual([
      [
        'HT-001',
        new Date('2023-06-01T09:00:00+07:00'),
        'Đoàn Phường 1',
        'Cá nhân',
        'Nguyễn Văn A',
        'Tuổi trẻ Quận 11',
        'https://youtu.be/clip001',
        '4:30',
        'Nguyễn Văn A',
        '0901 234 567',
        'a@example.com',
        '',
        'Chờ thẩm định',
        // The response-sheet row's key (timestamp and a hash of its cells): the sheet has no response id.
        expect.stringMatching(/^dong:[0-9a-z]+:[0-9a-z]+$/),
      ],
    ]);
    // Mã bài | Đơn vị | Tên tác phẩm | Link video | TT1…TT10 unticked | Kết quả | Lý do | Người | Thời gian | Link bài đăng
    expect(c.rows('Thẩm định')).toEqual([
      ['HT-001', 'Đoàn Phường 1', 'Tuổi trẻ Quận 11', 'https://youtu.be/clip001', ...Array(10).fill(false), 'Chờ thẩm định', '', '', '', ''],
    ]);
  });

  test('whatever was typed stays text: formulas, +84 and leading-zero phones, times, TRUE', () => {
    const c = makeContest();
    c.emu.submitForm(
      c.form,
      answers({
        'Tên tác phẩm': '=IMPORTXML("http://x","//a")',
        'Tác giả': '@tacgia, -Nhóm B',
        'Số điện thoại': '+84 90 123 4567',
        'Thời lượng': '4:30',
        'Người liên hệ': 'TRUE',
      }),
    );
    c.emu.submitForm(c.form, nth(2, { 'Số điện thoại': '0901234567', 'Thời lượng': '05:00', 'Tên tác phẩm': "'Trích dẫn'" }));
    const sheet = c.sheet('Bài dự thi');
    const row = (r: number, header: string) => c.column('Bài dự thi', header)[r];
    expect(row(0, 'Tên tác phẩm')).toBe('=IMPORTXML("http://x","//a")');
    expect(row(0, 'Tác giả')).toBe('@tacgia, -Nhóm B');
    expect(row(0, 'Điện thoại')).toBe('+84 90 123 4567');
    expect(row(0, 'Thời lượng')).toBe('4:30');
    expect(row(0, 'Người liên hệ')).toBe('TRUE');
    expect(row(1, 'Điện thoại')).toBe('0901234567');
    expect(row(1, 'Thời lượng')).toBe('05:00');
    expect(row(1, 'Tên tác phẩm')).toBe("'Trích dẫn'");
    // No cell of either sheet became a formula.
    for (const name of ['Bài dự thi', 'Thẩm định']) {
      const formulas = c.sheet(name).getDataRange().getFormulas().flat();
      expect(formulas.filter((f) => f !== '')).toEqual([]);
    }
    expect(c.column('Thẩm định', 'Tên tác phẩm')[0]).toBe('=IMPORTXML("http://x","//a")');
    expect(sheet.getLastRow()).toBe(3);
  });
});

describe('warnings', () => {
  test('late (after the deadline minute), unknown unit, duplicate link in another spelling, missing information', () => {
    const c = makeContest();
    c.emu.submitForm(c.form, nth(1, { 'Link video': 'https://youtu.be/same' }));
    // Same YouTube video, written as a watch link.
    c.emu.submitForm(c.form, nth(2, { 'Link video': 'https://www.youtube.com/watch?v=same' }));
    // The organizer renames a unit in the roster before syncing the form: the old name is now unknown.
    c.sheet('Đơn vị').getRange(4, 2).setValue('Đoàn Phường 3 (mới)');
    c.emu.submitForm(c.form, nth(3, { 'Đơn vị': 'Đoàn Phường 3' }));
    c.emu.submitForm(c.form, nth(4, { 'Tác giả': '', 'Thời lượng': '' }), undefined, { skipChecks: true });
    // 10/06/2023 23:59:40 is inside the deadline minute; 11/06/2023 00:00:05 is late.
    c.emu.submitForm(c.form, nth(5), new Date('2023-06-10T23:59:40+07:00'));
    c.emu.submitForm(c.form, nth(6), new Date('2023-06-11T00:00:05+07:00'));
    expect(c.column('Bài dự thi', 'Cảnh báo')).toEqual(['', 'Trùng link (HT-001)', 'Không rõ đơn vị', 'Thiếu thông tin: Tác giả, Thời lượng', '', 'Nộp trễ']);
    // Late entries are not accepted by default: the late row says so from the start, the others wait for appraisal.
    expect(c.column('Bài dự thi', 'Trạng thái')).toEqual([...Array(5).fill('Chờ thẩm định'), 'Nộp trễ – không tính']);
    expect(c.column('Bài dự thi', 'Đơn vị')[2]).toBe('Đoàn Phường 3');
  });
});

describe('events that must add nothing', () => {
  test('a trigger fired twice for one response, a missing response, and an empty response', () => {
    const c = makeContest();
    const r = c.emu.submitForm(c.form, answers());
    c.emu.fireFormSubmit(c.form, r);
    expect(handleFormSubmit(contextFor(c.emu), undefined).outcome).toEqual({ kind: 'blank' });
    c.emu.submitForm(c.form, {}, undefined, { skipChecks: true });
    expect(c.form.getResponses()).toHaveLength(2);
    expect(c.column('Bài dự thi', 'Mã bài')).toEqual(['HT-001']);
    expect(c.rows('Thẩm định')).toHaveLength(1);
    // Sync agrees: the empty response is not a submission, the first is already there.
    expect(syncSubmissions(c.ctx).added).toBe(0);
  });
});

describe('the document lock', () => {
  test('held briefly by another execution: the submission waits, then is written', () => {
    const c = makeContest();
    c.emu.locks.holdByOther(new Date(c.emu.now().getTime() + 5_000), 'document', c.emu.spreadsheet.getId());
    c.emu.submitForm(c.form, answers());
    expect(c.column('Bài dự thi', 'Mã bài')).toEqual(['HT-001']);
  });

  test('held longer than the wait: nothing is written, "Nhật ký" says so, and the next sync adds it', () => {
    const c = makeContest();
    c.emu.locks.holdByOther(new Date(c.emu.now().getTime() + 120_000), 'document', c.emu.spreadsheet.getId());
    const logBefore = c.rows('Nhật ký').length;
    c.emu.submitForm(c.form, answers());
    expect(c.rows('Bài dự thi')).toEqual([]);
    expect(c.rows('Thẩm định')).toEqual([]);
    const log = c.rows('Nhật ký').slice(logBefore);
    expect(log).toHaveLength(1);
    expect(String(log[0][3])).toMatch(/chưa ghi phản hồi .* "Hội thi → Đồng bộ bài dự thi"/);
    c.emu.locks.holdByOther(false, 'document', c.emu.spreadsheet.getId());
    expect(syncSubmissions(c.ctx).added).toBe(1);
    expect(c.column('Bài dự thi', 'Mã bài')).toEqual(['HT-001']);
  });

  test('200 submissions whose executions interleave around the lock → HT-001…HT-200, no gap, no repeat', () => {
    const c = makeContest();
    let deferredLogs = 0;
    for (let i = 1; i <= 200; i++) {
      if (i % 7 === 0) {
        // Another execution holds the lock for 3 s: this one waits for it.
        c.emu.locks.holdByOther(new Date(c.emu.now().getTime() + 3_000), 'document', c.emu.spreadsheet.getId());
      }
      if (i % 10 === 0 && i < 200) {
        // While this execution holds the lock, a second respondent submits: their trigger runs
        // meanwhile, cannot get the lock, and must leave the response for the sync.
        const next = ++i;
        c.emu.locks.onNextAcquire(() => {
          c.emu.submitForm(c.form, nth(next));
          deferredLogs++;
        });
        c.emu.submitForm(c.form, nth(next - 1));
        continue;
      }
      if (i % 13 === 0) {
        // Held for 2 minutes: longer than the 30 s wait.
        c.emu.locks.holdByOther(new Date(c.emu.now().getTime() + 120_000), 'document', c.emu.spreadsheet.getId());
        deferredLogs++;
      }
      c.emu.submitForm(c.form, nth(i));
      c.emu.locks.holdByOther(false, 'document', c.emu.spreadsheet.getId());
    }
    expect(c.form.getResponses()).toHaveLength(200);
    const before = c.rows('Bài dự thi').length;
    // Deferred: 19 nested (i = 10, 20 … 190, each with i+1 inside) + 13 held too long (multiples of 13
    // up to 195, except 91, submitted inside 90, and 130, a nested pair) = 32.
    expect(deferredLogs).toBe(32);
    expect(before).toBe(200 - 32);
    expect(c.rows('Nhật ký').filter((r) => String(r[3]).includes('chưa ghi phản hồi'))).toHaveLength(deferredLogs);
    expect(syncSubmissions(c.ctx).added).toBe(deferredLogs);

    const idsWritten = c.column('Bài dự thi', 'Mã bài') as string[];
    expect(idsWritten).toHaveLength(200);
    expect([...idsWritten].sort()).toEqual(ids(200));
    const responseIds = c.column('Bài dự thi', 'Mã phản hồi');
    expect(new Set(responseIds).size).toBe(200);
    // One row per response of the form's response sheet, each keyed by that row.
    const sheetRows = c.emu.spreadsheet.getSheets()[0].getDataRange().getValues().slice(1);
    expect(new Set(sheetRows.map(responseRowKey))).toEqual(new Set(responseIds));
    // Every row is whole, and "Thẩm định" has the same 200 IDs.
    for (const row of c.rows('Bài dự thi')) expect(row.slice(0, 11).every((v) => v !== '')).toBe(true);
    expect(([...c.column('Thẩm định', 'Mã bài')] as string[]).sort()).toEqual(ids(200));
    expect(syncSubmissions(c.ctx).added).toBe(0);
  });
});

describe('"Đồng bộ bài dự thi"', () => {
  test('30 responses whose trigger never fired are added exactly once; a second sync changes nothing', () => {
    const c = makeContest();
    for (let i = 1; i <= 40; i++) c.emu.submitForm(c.form, nth(i), undefined, { fireTriggers: i > 10 && i <= 40 ? false : true });
    expect(c.rows('Bài dự thi')).toHaveLength(10);
    // Through the menu door, which writes the "Nhật ký" line (the summary it returns is the action's own).
    const sync = () => runMenuAction(c.ctx, syncSubmissionsAction, undefined) as ReturnType<typeof syncSubmissions>;
    const first = sync();
    expect(first.added).toBe(30);
    expect(first.present).toBe(10);
    expect(first.lines[0]).toBe('Biểu mẫu có 40 câu trả lời; đã thêm 30 bài mới vào "Bài dự thi"; 10 bài đã có từ trước.');
    // Oldest first: the 30 get HT-011…HT-040 in submission order.
    expect(c.column('Bài dự thi', 'Tên tác phẩm')).toEqual(Array.from({ length: 40 }, (_, i) => `Clip số ${i + 1}`));
    expect(c.column('Bài dự thi', 'Mã bài')).toEqual(ids(40));
    const snapshot = JSON.stringify([c.rows('Bài dự thi'), c.rows('Thẩm định')]);
    const second = sync();
    expect(second.added).toBe(0);
    expect(JSON.stringify([c.rows('Bài dự thi'), c.rows('Thẩm định')])).toBe(snapshot);
    const log = c.rows('Nhật ký').filter((r) => r[2] === 'Đồng bộ bài dự thi');
    expect(log).toHaveLength(2);
  });

  test('a missed response sent before an existing row with the same link: the flag moves to the later rows', () => {
    const c = makeContest();
    const link = { 'Link video': 'https://youtu.be/same' };
    // 09:00 – the trigger does not fire for this one; 10:00 and 11:00 go through the trigger.
    c.emu.submitForm(c.form, nth(1, link), new Date('2023-06-02T09:00:00+07:00'), { fireTriggers: false });
    c.emu.submitForm(c.form, nth(2, { ...link, 'Thời lượng': '' }), new Date('2023-06-02T10:00:00+07:00'), { skipChecks: true });
    c.emu.submitForm(c.form, nth(3, { 'Link video': 'https://www.youtube.com/watch?v=same' }), new Date('2023-06-02T11:00:00+07:00'));
    expect(c.column('Bài dự thi', 'Cảnh báo')).toEqual(['Thiếu thông tin: Thời lượng', 'Trùng link (HT-001)']);
    const sync = syncSubmissions(c.ctx);
    // The 09:00 response becomes HT-003 (IDs follow arrival in the sheet) and is the original:
    // HT-001 (10:00) and HT-002 (11:00) now both name it; HT-001 keeps its own warning.
    expect(c.column('Bài dự thi', 'Mã bài')).toEqual(['HT-001', 'HT-002', 'HT-003']);
    expect(c.column('Bài dự thi', 'Cảnh báo')).toEqual(['Thiếu thông tin: Thời lượng; Trùng link (HT-003)', 'Trùng link (HT-003)', '']);
    expect(sync.warnings).toContain(
      'Cảnh báo "Trùng link" được xếp lại theo thời gian gửi (bài gửi sớm nhất không bị đánh dấu): ' +
        'HT-001 (dòng 2): "Thiếu thông tin: Thời lượng; Trùng link (HT-003)", HT-002 (dòng 3): "Trùng link (HT-003)".',
    );
    // Nothing else in those rows was touched, and a second sync changes nothing.
    expect(c.column('Bài dự thi', 'Tên tác phẩm')).toEqual(['Clip số 2', 'Clip số 3', 'Clip số 1']);
    const snapshot = JSON.stringify(c.rows('Bài dự thi'));
    expect(syncSubmissions(c.ctx).added).toBe(0);
    expect(JSON.stringify(c.rows('Bài dự thi'))).toBe(snapshot);
  });

  test('a row typed by hand without a response id is recognised by time, title and link', () => {
    const c = makeContest();
    c.emu.submitForm(c.form, answers(), undefined, { fireTriggers: false });
    // An organizer copies the response in by hand (no "Mã phản hồi"), time to the minute.
    c.sheet('Bài dự thi')
      .getRange(2, 1, 1, 7)
      .setValues([
        ['HT-001', new Date('2023-06-01T09:00:00+07:00'), 'Đoàn Phường 1', 'Cá nhân', 'Nguyễn Văn A', 'Tuổi trẻ Quận 11', 'https://youtu.be/clip001'],
      ]);
    expect(syncSubmissions(c.ctx).added).toBe(0);
  });

  test('so is one whose time was typed as text ("01/06/2023 09:00", read in "Múi giờ")', () => {
    const c = makeContest();
    // Sent 01/06/2023 09:00:00 +07 (JUNE_1); the typed text is that minute in Asia/Ho_Chi_Minh, so the fingerprints match.
    c.emu.submitForm(c.form, answers(), undefined, { fireTriggers: false });
    const typed = ['HT-001', '01/06/2023 09:00', 'Đoàn Phường 1', 'Cá nhân', 'Nguyễn Văn A', 'Tuổi trẻ Quận 11', 'https://youtu.be/clip001'];
    c.sheet('Bài dự thi')
      .getRange(2, 1, 1, 7)
      .setValues([typed.map((v) => `'${v}`)]);
    expect(c.sheet('Bài dự thi').getRange(2, 2).getValue()).toBe('01/06/2023 09:00');
    expect(syncSubmissions(c.ctx).added).toBe(0);
  });

  test('with no form yet it says to create one', () => {
    const c = makeContest({ withForm: false });
    expect(() => syncSubmissions(c.ctx)).toThrow(/Tạo \/ liên kết biểu mẫu/);
  });
});

describe('confirmation email', () => {
  test('off by default; with "Gửi email xác nhận" = Có the submitter gets the ID and title', () => {
    const c = makeContest();
    c.emu.submitForm(c.form, nth(1));
    expect(c.emu.mail).toHaveLength(0);
    setSetting(c, 'Gửi email xác nhận', 'Có');
    c.emu.submitForm(c.form, nth(2, { Email: 'nhom2@example.com' }));
    expect(c.emu.mail).toHaveLength(1);
    const m = c.emu.mail[0] as unknown as { to: string; subject: string; body: string };
    expect(m.to).toBe('nhom2@example.com');
    expect(m.subject).toContain('HT-002');
    expect(m.body).toContain('Tên tác phẩm: Clip số 2');
    // The contest name's slogan is in “ ” as on the form itself.
    expect(m.subject).toBe('[Hội thi video clip “Tuổi trẻ Quận 11 thời kỳ chuyển đổi số gắn với phong trào 3 trách nhiệm”] Xác nhận nhận bài HT-002');
  });
});
