// Session, properties, locks, Utilities, MailApp, HtmlService, Ui and Logger in the emulator.
import { createEmulator, errors } from '../src';
import { VN } from './options';

test('Session follows setUser; the script time zone is the option', () => {
  const emu = createEmulator({ ...VN, owner: 'btc@quandoan11.vn' });
  expect(emu.Session.getActiveUser().getEmail()).toBe('btc@quandoan11.vn');
  emu.setUser('gk@quandoan11.vn');
  expect(emu.Session.getActiveUser().getEmail()).toBe('gk@quandoan11.vn');
  expect(emu.Session.getEffectiveUser().getEmail()).toBe('gk@quandoan11.vn');
  expect(emu.Session.getScriptTimeZone()).toBe('Asia/Ho_Chi_Minh');
});

test('properties store strings per scope; user properties per user', () => {
  const emu = createEmulator(VN);
  const sp = emu.PropertiesService.getScriptProperties();
  sp.setProperty('formId', 'abc').setProperties({ n: 3 as unknown as string });
  expect(sp.getProperty('n')).toBe('3');
  expect(sp.getProperties()).toEqual({ formId: 'abc', n: '3' });
  sp.deleteProperty('formId');
  expect(sp.getProperty('formId')).toBeNull();
  expect(emu.PropertiesService.getDocumentProperties().getProperty('n')).toBeNull();
  emu.PropertiesService.getUserProperties().setProperty('k', 'owner');
  emu.setUser('other@x.vn');
  expect(emu.PropertiesService.getUserProperties().getProperty('k')).toBeNull();
});

describe('locks', () => {
  test('free lock is taken at once; re-entrant within an execution; released at the end', () => {
    const emu = createEmulator(VN);
    const lock = emu.LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    expect(emu.LockService.getScriptLock().tryLock(0)).toBe(true);
    emu.endExecution();
    expect(lock.hasLock()).toBe(false);
  });

  test("held by another execution: tryLock fails after the timeout, waitLock throws Google's error", () => {
    const emu = createEmulator(VN);
    emu.setNow(new Date('2025-03-01T00:00:00Z'));
    emu.locks.holdByOther(true);
    const lock = emu.LockService.getScriptLock();
    expect(lock.tryLock(5000)).toBe(false);
    expect(emu.now().toISOString()).toBe('2025-03-01T00:00:05.000Z'); // waited 5 s of emulated time
    expect(() => lock.waitLock(10000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(errors.LOCK_TIMEOUT).toBe('Lock timeout: another process was holding the lock for too long.');
    emu.locks.holdByOther(false);
    expect(lock.tryLock(0)).toBe(true);
  });

  test('another execution releasing before the timeout lets waitLock succeed', () => {
    const emu = createEmulator(VN);
    emu.setNow(new Date('2025-03-01T00:00:00Z'));
    emu.locks.holdByOther(new Date('2025-03-01T00:00:03Z'));
    emu.LockService.getScriptLock().waitLock(30000);
    expect(emu.now().toISOString()).toBe('2025-03-01T00:00:03.000Z');
    expect(emu.locks.attempts[0]).toMatchObject({ ok: true, waitedMs: 3000 });
  });
});

test('an execution started while another holds the lock cannot take it; once released it can', () => {
  const emu = createEmulator(VN);
  const got: boolean[] = [];
  emu.setHandlers({
    handler: () => {
      const lock = emu.LockService.getScriptLock();
      got.push(lock.tryLock(2000));
      if (lock.hasLock()) lock.releaseLock();
    },
  });
  // The first execution is interrupted right after taking the lock; a second one runs meanwhile.
  emu.locks.onNextAcquire(() => emu.run('handler'));
  emu.run('handler');
  expect(got).toEqual([false, true]); // the inner one ran first and failed; the outer one had the lock
  emu.run('handler');
  expect(got).toEqual([false, true, true]); // the outer execution ended, so its lock was released
  expect(emu.locks.attempts.map((a) => a.ok)).toEqual([true, false, true]);
});

describe('Utilities', () => {
  const emu = createEmulator(VN);
  const d = new Date('2025-03-01T17:05:09Z');
  test('formatDate uses the time zone and Java patterns with quoted literals', () => {
    // 17:05 UTC is 00:05 next day in Ho Chi Minh (UTC+7)
    expect(emu.Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'dd/MM/yyyy HH:mm:ss')).toBe('02/03/2025 00:05:09');
    expect(emu.Utilities.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm'Z'")).toBe('2025-03-01T17:05Z');
    expect(emu.Utilities.formatDate(d, 'GMT+7', "HH 'giờ' mm, EEE d MMM yy")).toBe('00 giờ 05, Sun 2 Mar 25');
    expect(emu.Utilities.formatDate(d, 'Asia/Ho_Chi_Minh', 'h:mm a Z')).toBe('12:05 AM +0700');
  });
  test('blobs and base64 carry bytes exactly (signed bytes, as Apps Script)', () => {
    const blob = emu.Utilities.newBlob('Hội thi', 'text/plain', 'a.txt');
    expect(blob.getDataAsString()).toBe('Hội thi');
    expect(blob.getBytes().slice(0, 3)).toEqual([72, -31, -69]); // "H", then UTF-8 of "ộ" starts 0xE1 0xBB
    const b64 = emu.Utilities.base64Encode(blob.getBytes());
    expect(b64).toBe(Buffer.from('Hội thi').toString('base64'));
    expect(emu.Utilities.newBlob(emu.Utilities.base64Decode(b64)).getDataAsString()).toBe('Hội thi');
    expect(blob.setName('b.txt').getName()).toBe('b.txt');
    expect(blob.getContentType()).toBe('text/plain');
  });
  test('sleep moves the emulated clock, uuids are v4 and reproducible', () => {
    const e = createEmulator({ ...VN, seed: 7 });
    e.setNow(new Date('2025-01-01T00:00:00Z'));
    e.Utilities.sleep(1500);
    expect(e.now().toISOString()).toBe('2025-01-01T00:00:01.500Z');
    const u = e.Utilities.getUuid();
    expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(createEmulator({ ...VN, seed: 7 }).Utilities.getUuid()).toBe(u);
  });
});

test('MailApp records the outbox and enforces the quota', () => {
  const emu = createEmulator({ ...VN, mailQuota: 2 });
  emu.MailApp.sendEmail('a@x.vn', 'Xác nhận', 'Mã HT-001', { htmlBody: '<b>HT-001</b>' });
  emu.MailApp.sendEmail({ to: 'b@x.vn', subject: 'S', body: 'B' });
  expect(emu.mail).toEqual([
    { to: 'a@x.vn', subject: 'Xác nhận', body: 'Mã HT-001', htmlBody: '<b>HT-001</b>' },
    { to: 'b@x.vn', subject: 'S', body: 'B' },
  ]);
  expect(emu.MailApp.getRemainingDailyQuota()).toBe(0);
  expect(() => emu.MailApp.sendEmail('c@x.vn', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
});

describe('Ui and HtmlService', () => {
  test('menus are recorded with items, separators and submenus', () => {
    const emu = createEmulator(VN);
    const ui = emu.SpreadsheetApp.getUi();
    ui.createMenu('Hội thi')
      .addItem('Thiết lập hội thi', 'menuSetup')
      .addSeparator()
      .addSubMenu(ui.createMenu('Biểu mẫu').addItem('Tạo biểu mẫu', 'menuForm'))
      .addItem('Tính điểm', 'menuScores')
      .addToUi();
    const m = emu.ui.menu('Hội thi')!;
    expect(m.items).toEqual([
      { caption: 'Thiết lập hội thi', functionName: 'menuSetup' },
      { caption: 'Tính điểm', functionName: 'menuScores' },
    ]);
    expect(m.entries[1]).toEqual({ type: 'separator' });
    expect(m.entries[2]).toEqual({ type: 'submenu', caption: 'Biểu mẫu', entries: [{ type: 'item', caption: 'Tạo biểu mẫu', functionName: 'menuForm' }] });
  });

  test('alerts and prompts take scripted answers; defaults are OK/YES', () => {
    const emu = createEmulator(VN);
    const ui = emu.SpreadsheetApp.getUi();
    expect(ui.alert('Xong')).toBe(ui.Button.OK);
    emu.ui.queueAnswer('NO');
    expect(ui.alert('Chắc chưa?', 'Ghi đè?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    emu.ui.queueAnswer({ button: 'OK', text: 'https://docs.google.com/forms/d/abc/edit' });
    const p = ui.prompt('Liên kết biểu mẫu', 'Dán URL', ui.ButtonSet.OK_CANCEL);
    expect(p.getSelectedButton()).toBe(ui.Button.OK);
    expect(p.getResponseText()).toBe('https://docs.google.com/forms/d/abc/edit');
    expect(emu.ui.dialogs.map((d) => [d.kind, d.title, d.body])).toEqual([
      ['alert', '', 'Xong'],
      ['alert', 'Chắc chưa?', 'Ghi đè?'],
      ['prompt', 'Liên kết biểu mẫu', 'Dán URL'],
    ]);
  });

  test('dialogs capture the HTML; templates evaluate scriptlets with escaping', () => {
    const emu = createEmulator(VN);
    const t = emu.HtmlService.createTemplate('<h1><?= title ?></h1><? for (const n of names) { ?><p><?= n ?></p><? } ?><?!= raw ?>');
    Object.assign(t, { title: 'A & B', names: ['<x>', 'y'], raw: '<hr>' });
    const out = t.evaluate().setWidth(800).setHeight(600);
    emu.SpreadsheetApp.getUi().showModalDialog(out, 'Mã QR');
    expect(emu.ui.lastDialog()).toEqual({
      kind: 'modal',
      title: 'Mã QR',
      html: '<h1>A &amp; B</h1><p>&lt;x&gt;</p><p>y</p><hr>',
      width: 800,
      height: 600,
    });
    emu.SpreadsheetApp.getUi().showSidebar(emu.HtmlService.createHtmlOutput('<p>x</p>').setTitle('Bảng'));
    expect(emu.ui.lastDialog()).toMatchObject({ kind: 'sidebar', title: 'Bảng', html: '<p>x</p>' });
  });

  test('toasts and Logger are recorded', () => {
    const emu = createEmulator(VN);
    emu.spreadsheet.toast('Đã lưu', 'Hội thi', 3);
    expect(emu.ui.toasts).toEqual([{ message: 'Đã lưu', title: 'Hội thi', timeoutSeconds: 3 }]);
    emu.Logger.log('Đã thêm %s bài', 3);
    expect(emu.logs).toEqual(['Đã thêm 3 bài']);
  });
});
