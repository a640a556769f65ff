// A contest in the emulator with a fake Page: clips in "Tương tác" linked to their posts in every URL form Facebook uses.
import { FakeGraphApi, type FakePost } from '../../packages/gas-emulator/src';
import type { ActionContext } from '../../src/flows/context';
import { connectFanpage } from '../../src/flows/fanpageConnect';
import { setupContest } from '../../src/flows/setup';
import { ENGAGEMENT } from '../../src/sheets/engagement';
import { escapeCell } from '../../src/sheets/table';
import { vn } from './contest';
import { contextOf, createContestEmulator } from './emulator';

export const PAGE_ID = '100064123456789';
/** A made-up token: tests check it never lands in a sheet, a note, "Nhật ký" or a message. */
export const TOKEN = 'EAAGtestPAGEtoken0123456789abcdefXYZ9';

export type Emu = ReturnType<typeof createContestEmulator>;

export interface FanpageContest {
  emu: Emu;
  graph: FakeGraphApi;
  /** The context of one execution at `at` (default: the emulator's clock). */
  ctx(at?: Date): ActionContext;
  clipIds: string[];
}

/** The post link form used for clip k (k mod 7), the 7th being "no link: the post text names the clip". */
export function linkFor(k: number, post: FakePost): string {
  switch (k % 7) {
    case 0:
      return `https://www.facebook.com/quandoan11/posts/${post.postId}`;
    case 1:
      return `https://m.facebook.com/permalink.php?story_fbid=pfbid0Perm${k}Ab&id=${PAGE_ID}`;
    case 2:
      return `facebook.com/quandoan11/posts/pfbid0Perm${k}Ab`;
    case 3:
      return `https://web.facebook.com/quandoan11/videos/clip-du-thi-${k}/${post.videoId}/`;
    case 4:
      return `https://www.facebook.com/reel/${post.videoId}`;
    case 5:
      return `https://fb.watch/aB${k}cD/`;
    default:
      return '';
  }
}

export const clipId = (k: number): string => `HT-${String(k + 1).padStart(3, '0')}`;

/**
 * `clips` clips in "Tương tác" on 15/06, each with a post on the Page (created 12/06), plus `stray`
 * posts that are no clip's. Connected as the organizer. Counts: reactions 100 + k, shares 10 + k.
 */
export function fanpageContest(options: { clips?: number; stray?: number; defaultLimit?: number } = {}): FanpageContest {
  const clips = options.clips ?? 14;
  const emu = createContestEmulator();
  emu.setNow(vn(2023, 6, 15, 10, 0));
  const ctx = (at?: Date): ActionContext => contextOf(emu, { now: at ?? emu.now() });
  setupContest(ctx());
  const posts: FakePost[] = [];
  const shortLinks: Record<string, string> = {};
  const rows: unknown[][] = [];
  for (let k = 0; k < clips; k++) {
    const post: FakePost = {
      postId: String(900000 + k),
      createdTime: vn(2023, 6, 12, 8, k % 60),
      reactions: 100 + k,
      shares: 10 + k,
      videoId: String(700000 + k),
      message: k % 7 === 6 ? `Tác phẩm dự thi #${clipId(k)} – Đoàn phường ${k}. Thả cảm xúc và chia sẻ nhé!` : `Tác phẩm dự thi số ${k + 1}`,
    };
    if (k % 7 === 1 || k % 7 === 2) post.permalink = `https://www.facebook.com/quandoan11/posts/pfbid0Perm${k}Ab`;
    posts.push(post);
    if (k % 7 === 5) shortLinks[`https://fb.watch/aB${k}cD`] = `https://www.facebook.com/watch/?v=${post.videoId}`;
    rows.push([clipId(k), linkFor(k, post)]);
  }
  for (let s = 0; s < (options.stray ?? 0); s++) {
    posts.push({ postId: String(800000 + s), createdTime: vn(2023, 6, 14, 9, s % 60), reactions: 5, shares: 0, message: `Thông báo số ${s} của Quận Đoàn` });
  }
  const graph = new FakeGraphApi({
    pageId: PAGE_ID,
    pageName: 'Quận Đoàn 11',
    username: 'quandoan11',
    token: TOKEN,
    posts,
    shortLinks,
    now: () => emu.now(),
    defaultLimit: options.defaultLimit,
  });
  emu.setUrlHandler(graph.handler);
  const sheet = emu.spreadsheet.getSheetByName(ENGAGEMENT.name)!;
  if (rows.length > 0) sheet.getRange(2, 1, rows.length, 2).setValues(rows.map((r) => r.map((v) => escapeCell(v))));
  connectFanpage(ctx(), { page: 'https://www.facebook.com/quandoan11', token: TOKEN });
  return { emu, graph, ctx, clipIds: Array.from({ length: clips }, (_, k) => clipId(k)) };
}

/** "Tương tác" as records keyed by header. */
export function engagementRecords(emu: Emu): Record<string, unknown>[] {
  const values = emu.spreadsheet.getSheetByName(ENGAGEMENT.name)!.getDataRange().getValues();
  const headers = values[0].map(String);
  return values
    .slice(1)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(headers.map((h, i) => [h, r[i]])));
}

/** Every value and note of every sheet, as one text: where a leaked token would show. */
export function everythingWritten(emu: Emu): string {
  return emu.spreadsheet
    .getSheets()
    .map((s) => {
      const range = s.getDataRange();
      return JSON.stringify(range.getValues()) + JSON.stringify(range.getNotes());
    })
    .join('\n');
}
