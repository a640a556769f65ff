// "Kết nối Fanpage", "Cập nhật tương tác từ Fanpage" and the freeze at "Kết thúc bình chọn", against the fake Graph API.
import { GRAPH_ERRORS } from '../../packages/gas-emulator/src';
import { freezeEngagement, updateEngagement } from '../../src/flows/fanpage';
import { connectFanpage } from '../../src/flows/fanpageConnect';
import { computeContest } from '../../src/flows/scores';
import { connectionKey } from '../../src/facebook/connection';
import { isContestError } from '../../src/sheets/errors';
import { ENGAGEMENT } from '../../src/sheets/engagement';
import { FREEZE_PROPERTY } from '../../src/sheets/engagementSource';
import { runMenuAction } from '../../src/ui/runner';
import { connectFanpageAction, CONNECT_FANPAGE_TITLE } from '../../src/flows/fanpageConnect';
import { vn } from '../sample/contest';
import { engagementRecords, everythingWritten, fanpageContest, TOKEN, type FanpageContest } from '../sample/fanpage';

const VOTING_END = vn(2023, 6, 19, 16, 0);

function thrown(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!isContestError(e)) throw e;
    return e.problems.map((p) => p.message).join('\n');
  }
  throw new Error('expected a ContestError');
}

function setSource(c: FanpageContest, row: number, reactions: unknown, shares: unknown, source: string): void {
  c.emu.spreadsheet
    .getSheetByName(ENGAGEMENT.name)!
    .getRange(row, 3, 1, 4)
    .setValues([[reactions, shares, '', source]]);
}

const urlFetchCalls = (c: FanpageContest) => c.emu.calls.count('UrlFetchApp.fetch') + c.emu.calls.count('UrlFetchApp.fetchAll');

describe('Kết nối Fanpage', () => {
  test('stores the checked token in the user properties keyed by the spreadsheet, shows it masked, writes it nowhere', () => {
    const c = fanpageContest({ clips: 2 });
    const stored = JSON.parse(c.emu.PropertiesService.getUserProperties().getProperty(connectionKey(c.emu.spreadsheet.getId()))!);
    expect(stored).toMatchObject({
      token: TOKEN,
      pageId: '100064123456789',
      pageName: 'Quận Đoàn 11',
      scopes: ['pages_read_engagement', 'pages_show_list'],
      expiresAt: null,
    });
    // Through the menu door, so "Nhật ký" gets its line.
    const summary = runMenuAction(c.ctx(), connectFanpageAction, { page: 'quandoan11', token: TOKEN });
    expect(summary.lines[0]).toBe('Đã kết nối Fanpage "Quận Đoàn 11" (ID 100064123456789).');
    expect(summary.lines.join(' ')).toContain('EAAG…XYZ9');
    expect(JSON.stringify(summary) + everythingWritten(c.emu) + c.emu.logs.join('')).not.toContain(TOKEN);
    expect(c.emu.PropertiesService.getDocumentProperties().getKeys()).toEqual([]);
  });

  test('refuses a token without pages_read_engagement, or of another Page, or expired; stores nothing', () => {
    const c = fanpageContest({ clips: 1 });
    const key = connectionKey(c.emu.spreadsheet.getId());
    c.emu.PropertiesService.getUserProperties().deleteProperty(key);
    c.graph.options.scopes = ['pages_show_list'];
    expect(thrown(() => connectFanpage(c.ctx(), { page: 'quandoan11', token: TOKEN }))).toContain('thiếu quyền pages_read_engagement');
    c.graph.options.scopes = ['pages_read_engagement', 'pages_show_list'];
    expect(thrown(() => connectFanpage(c.ctx(), { page: 'quandoan11', token: 'EAAGsomeOtherToken99999' }))).toContain('lỗi 190');
    expect(thrown(() => connectFanpage(c.ctx(), { page: 'https://youtu.be/x', token: TOKEN }))).toContain('không phải ID');
    expect(c.emu.PropertiesService.getUserProperties().getProperty(key)).toBeNull();
  });

  test('warns when the token expires before "Kết thúc bình chọn"', () => {
    const c = fanpageContest({ clips: 1 });
    c.graph.options.expiresAt = vn(2023, 6, 17, 8, 0);
    const s = connectFanpage(c.ctx(), { page: 'quandoan11', token: TOKEN });
    expect(s.warnings[0]).toContain('hết hạn lúc 17/06/2023 08:00, trước Kết thúc bình chọn (19/06/2023 16:00)');
    expect(CONNECT_FANPAGE_TITLE).toBe('Kết nối Fanpage');
  });
});

describe('Cập nhật tương tác từ Fanpage', () => {
  test('matches every link form and the clip ID in the text; writes counts, time and "Fanpage"; lists stray posts', () => {
    const c = fanpageContest({ clips: 14, stray: 2 });
    const at = vn(2023, 6, 16, 9, 0);
    const s = updateEngagement(c.ctx(at));
    const rows = engagementRecords(c.emu);
    rows.forEach((r, k) => {
      expect(r).toMatchObject({ 'Mã bài': c.clipIds[k], 'Lượt cảm xúc': 100 + k, 'Lượt chia sẻ': 10 + k, Nguồn: 'Fanpage' });
      expect((r['Cập nhật lúc'] as Date).getTime()).toBe(at.getTime());
    });
    expect(s.lines).toContain('Khớp theo link bài đăng: 12 bài · theo mã bài trong nội dung: 2 bài.');
    expect(s.lines).toContain('2 bài đăng của Fanpage không khớp bài dự thi nào:');
    expect(s.lines.join('\n')).toContain('Thông báo số 0 của Quận Đoàn');
    // The short links were fetched without the token.
    for (const r of c.emu.httpRequests.filter((x) => x.url.includes('fb.watch'))) expect(JSON.stringify(r.headers)).not.toContain(TOKEN);
    // Only debug_token carries it in the URL (the API takes input_token nowhere else); redact() strips it from any message.
    for (const r of c.emu.httpRequests.filter((x) => !x.url.includes('/debug_token'))) expect(r.url).not.toContain(TOKEN);
  });

  test('clips with no matching post are listed with their row, and their counts stay', () => {
    const c = fanpageContest({ clips: 3 });
    const sheet = c.emu.spreadsheet.getSheetByName(ENGAGEMENT.name)!;
    sheet.getRange(3, 2).setValue('https://youtu.be/xyz');
    c.graph.post('900002').deleted = true;
    setSource(c, 4, 50, 5, 'Fanpage');
    const s = updateEngagement(c.ctx(vn(2023, 6, 16, 9, 0)));
    expect(s.lines).toContain('2 bài chưa khớp bài đăng nào (số liệu giữ nguyên):');
    expect(s.lines.join('\n')).toContain('HT-002 (dòng 3): link bài đăng không phải link Facebook');
    expect(s.lines.join('\n')).toContain('HT-003 (dòng 4): link bài đăng không khớp');
    expect(engagementRecords(c.emu)[2]).toMatchObject({ 'Lượt cảm xúc': 50, 'Lượt chia sẻ': 5 });
  });

  test('a post linked by ID outside the listing is read on its own; a deleted one (100/33) is reported and keeps its count', () => {
    const c = fanpageContest({ clips: 1 });
    c.graph.post('900000').createdTime = vn(2023, 5, 1, 8, 0);
    let s = updateEngagement(c.ctx(vn(2023, 6, 16, 9, 0)));
    expect(engagementRecords(c.emu)[0]['Lượt cảm xúc']).toBe(100);
    c.graph.post('900000').deleted = true;
    c.graph.post('900000').reactions = 0;
    s = updateEngagement(c.ctx(vn(2023, 6, 16, 10, 0)));
    expect(s.lines.join('\n')).toContain('HT-001 (dòng 2): Facebook không tìm thấy bài đăng ở "Link bài đăng" (lỗi 100/33)');
    expect(engagementRecords(c.emu)[0]['Lượt cảm xúc']).toBe(100);
  });

  test('follows paging.next: 250 posts at 100 a page is 3 reads', () => {
    const c = fanpageContest({ clips: 5, stray: 245 });
    c.graph.requests.length = 0;
    const s = updateEngagement(c.ctx(vn(2023, 6, 16, 9, 0)));
    expect(c.graph.requests.filter((p) => p.endsWith('/posts'))).toHaveLength(3);
    expect(s.lines[0]).toContain('Đã đọc 250 bài đăng');
    expect(engagementRecords(c.emu).map((r) => r['Nguồn'])).toEqual(Array(5).fill('Fanpage'));
  });

  test('UrlFetchApp calls are flat in the number of clips', () => {
    const calls = (clips: number) => {
      const c = fanpageContest({ clips, stray: 60 - clips });
      c.emu.calls.reset();
      updateEngagement(c.ctx(vn(2023, 6, 16, 9, 0)));
      return urlFetchCalls(c);
    };
    expect(calls(6)).toBe(calls(45));
    expect(calls(45)).toBe(1);
  });

  test('a count typed by hand is kept unless the organizer chooses to overwrite it', () => {
    const c = fanpageContest({ clips: 3 });
    setSource(c, 2, 77, 7, 'Nhập tay');
    setSource(c, 3, 66, '', '');
    const asked: string[][] = [];
    const s = updateEngagement(c.ctx(vn(2023, 6, 16, 9, 0)), { confirmOverwrite: (lines) => (asked.push(lines), 'keep') });
    expect(asked[0]).toEqual([
      'HT-001 (dòng 2): nhập tay 77 cảm xúc, 7 chia sẻ; Fanpage: 100, 10',
      'HT-002 (dòng 3): nhập tay 66 cảm xúc, trống chia sẻ; Fanpage: 101, 11',
    ]);
    expect(s.warnings[0]).toContain('Giữ số nhập tay ở 2 bài');
    expect(engagementRecords(c.emu).map((r) => r['Lượt cảm xúc'])).toEqual([77, 66, 102]);
    // With no one to ask (a trigger), nothing typed is touched either.
    updateEngagement(c.ctx(vn(2023, 6, 16, 9, 30)));
    expect(engagementRecords(c.emu).map((r) => r['Lượt cảm xúc'])).toEqual([77, 66, 102]);
    const before = everythingWritten(c.emu);
    expect(updateEngagement(c.ctx(vn(2023, 6, 16, 9, 45)), { confirmOverwrite: () => 'cancel' }).lines[0]).toContain('Đã hủy');
    expect(everythingWritten(c.emu)).toBe(before);
    updateEngagement(c.ctx(vn(2023, 6, 16, 10, 0)), { confirmOverwrite: () => 'overwrite' });
    expect(engagementRecords(c.emu).map((r) => [r['Lượt cảm xúc'], r['Nguồn']])).toEqual([
      [100, 'Fanpage'],
      [101, 'Fanpage'],
      [102, 'Fanpage'],
    ]);
  });
});

describe('errors: a failed read writes nothing', () => {
  function failing(setup: (c: FanpageContest) => void): { c: FanpageContest; message: string } {
    const c = fanpageContest({ clips: 3 });
    updateEngagement(c.ctx(vn(2023, 6, 15, 11, 0)));
    const before = everythingWritten(c.emu);
    setup(c);
    const message = thrown(() => updateEngagement(c.ctx(vn(2023, 6, 16, 9, 0))));
    expect(everythingWritten(c.emu)).toBe(before);
    expect(message).not.toContain(TOKEN);
    return { c, message };
  }

  test('expired or revoked token (190)', () => {
    expect(failing((c) => c.graph.revoke()).message).toContain('Mã truy cập Fanpage đã hết hạn hoặc bị thu hồi (Facebook báo lỗi 190/460)');
    expect(failing((c) => c.graph.failNext(GRAPH_ERRORS.expired())).message).toContain('lỗi 190/463');
  });

  test('missing permission (10)', () => {
    expect(failing((c) => c.graph.failNext(GRAPH_ERRORS.permission())).message).toContain('thiếu quyền đọc tương tác của Trang (Facebook báo lỗi 10)');
  });

  test('rate limits 4, 17, 32, 613: waits with Utilities.sleep and retries, then says to come back', () => {
    for (const code of [4, 17, 32, 613] as const) {
      const c = fanpageContest({ clips: 2 });
      c.graph.failNext(GRAPH_ERRORS.rateLimit(code), GRAPH_ERRORS.rateLimit(code));
      const start = c.emu.now().getTime();
      const s = updateEngagement(c.ctx(vn(2023, 6, 15, 10, 0)));
      expect(s.lines[0]).toContain('2 lần chờ vì bị giới hạn');
      expect(c.emu.now().getTime() - start).toBe(30_000);
      expect(engagementRecords(c.emu)[0]['Nguồn']).toBe('Fanpage');
    }
    const { message } = failing((c) => c.graph.failNext(...Array(4).fill(GRAPH_ERRORS.rateLimit(32))));
    expect(message).toContain('Facebook đang giới hạn số lần đọc (lỗi 32); đã chờ 70 giây');
  });

  test('network failure (fetch throws)', () => {
    expect(failing((c) => c.graph.failNext('network')).message).toBe(
      'Không kết nối được tới Facebook (graph.facebook.com): Address unavailable: https://graph.facebook.com/v25.0/100064123456789/posts. Hãy kiểm tra kết nối rồi chạy lại.',
    );
  });

  test('not connected: says who must connect', () => {
    const c = fanpageContest({ clips: 1 });
    c.emu.PropertiesService.getUserProperties().deleteProperty(connectionKey(c.emu.spreadsheet.getId()));
    expect(thrown(() => updateEngagement(c.ctx()))).toContain('chưa kết nối Fanpage cho bảng tính này');
  });
});

describe('frozen at "Kết thúc bình chọn"', () => {
  test('the run at 16:00 freezes; later reads are refused; "Tính điểm" uses the frozen counts', () => {
    const c = fanpageContest({ clips: 3 });
    const out = freezeEngagement(c.ctx(VOTING_END));
    expect(out.frozen).toBe(true);
    expect(out.summary.lines[0]).toBe('Đã chốt số liệu tương tác lúc 19/06/2023 16:00 (Kết thúc bình chọn: 19/06/2023 16:00); "Tính điểm" dùng số đã chốt.');
    expect(out.summary.warnings).toEqual([]);
    const frozen = JSON.parse(c.emu.PropertiesService.getDocumentProperties().getProperty(FREEZE_PROPERTY)!);
    expect(frozen).toMatchObject({ lateMinutes: 0, counts: { 'HT-001': [100, 10], 'HT-002': [101, 11], 'HT-003': [102, 12] } });
    const sheet = c.emu.spreadsheet.getSheetByName(ENGAGEMENT.name)!;
    expect(sheet.getRange(2, 6).getNote()).toContain('Chốt lúc 19/06/2023 16:00');
    // Reactions keep coming after 16:00; the counts do not move.
    c.graph.post('900000').reactions = 999;
    expect(thrown(() => updateEngagement(c.ctx(vn(2023, 6, 19, 17, 0))))).toContain('Số liệu tương tác đã chốt lúc 19/06/2023 16:00');
    expect(freezeEngagement(c.ctx(vn(2023, 6, 19, 17, 0))).summary.lines[0]).toContain('đã chốt lúc 19/06/2023 16:00; không đọc lại');
    // "Tính điểm" at 17:00 reads the frozen HT-001: 100 reactions, 10 shares (2 × 10 + 100 = 120 points → 60 × 120 / 300 = 24.00),
    // not the 999 reactions read after 16:00 (2 × 10 + 999 = 1019 → capped at 300 → 60.00).
    const engagement = computeContest(c.ctx(vn(2023, 6, 19, 17, 0))).read.input.engagement;
    expect(engagement.find((e) => e.clipId === 'HT-001')).toMatchObject({ reactions: 100, shares: 10 });
  });

  test('a late run says so and when the counts were read', () => {
    const c = fanpageContest({ clips: 2 });
    const out = freezeEngagement(c.ctx(vn(2023, 6, 19, 16, 25)));
    expect(out.frozen).toBe(true);
    expect(out.summary.warnings[0]).toContain('Chốt trễ 25 phút: số liệu được đọc lúc 19/06/2023 16:25, sau Kết thúc bình chọn (19/06/2023 16:00)');
  });

  test('an early run updates without freezing and asks to run again at the end', () => {
    const c = fanpageContest({ clips: 2 });
    const out = freezeEngagement(c.ctx(vn(2023, 6, 19, 15, 50)));
    expect(out).toMatchObject({ frozen: false, retryAt: VOTING_END });
    expect(out.summary.warnings[0]).toContain('Chạy sớm 10 phút');
    expect(c.emu.PropertiesService.getDocumentProperties().getProperty(FREEZE_PROPERTY)).toBeNull();
  });

  test('a failed run freezes nothing and says what the sheet holds; the menu item after the window then freezes, late', () => {
    const c = fanpageContest({ clips: 2 });
    updateEngagement(c.ctx(vn(2023, 6, 19, 12, 0)));
    c.graph.failNext('network');
    const message = thrown(() => freezeEngagement(c.ctx(VOTING_END)));
    expect(message).toContain('Chưa chốt được số liệu tương tác lúc 19/06/2023 16:00');
    expect(message).toContain('số đọc từ Fanpage lần gần nhất lúc 19/06/2023 12:00');
    expect(c.emu.PropertiesService.getDocumentProperties().getProperty(FREEZE_PROPERTY)).toBeNull();
    const s = updateEngagement(c.ctx(vn(2023, 6, 19, 18, 5)));
    expect(s.lines[0]).toContain('Đã chốt số liệu tương tác lúc 19/06/2023 18:05');
    expect(s.warnings[0]).toContain('Chốt trễ 125 phút');
  });
});
