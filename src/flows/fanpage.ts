// "Cập nhật tương tác từ Fanpage" and the freeze at "Kết thúc bình chọn": counts read from the Page into "Tương tác".
import { floorToMinute, formatDateTime } from '../domain/parse';
import { clipKeys, matchPosts, type ClipPostLink, type MatchResult, type PagePost, type PostMatch } from '../domain/fanpageMatch';
import { linkInfo } from '../domain/fanpageLinks';
import type { Settings } from '../domain/types';
import { loadConnection, type FanpageConnection } from '../facebook/connection';
import { graphErrorText, graphGetAll, graphUrl, POST_FIELDS, readPagePosts, toPagePost } from '../facebook/graph';
import { ENGAGEMENT, type EngagementKey } from '../sheets/engagement';
import { countSource, loadFrozen, saveFrozen, SOURCE_FANPAGE, type FrozenCounts } from '../sheets/engagementSource';
import { ContestError } from '../sheets/errors';
import { readSheet, text, cell, updateRows, type Table, type TableRow } from '../sheets/table';
import { readSettingsOrThrow } from '../sheets/workbook';
import type { MenuAction, TriggerAction } from './action';
import { assertCanWrite, contestStore, type ActionContext, type Summary } from './context';
import { childLines } from './outline';

export const UPDATE_ENGAGEMENT_TITLE = 'Cập nhật tương tác từ Fanpage';
export const FREEZE_ENGAGEMENT_TITLE = 'Chốt tương tác Fanpage';

/**
 * Posts are listed from this long before "Bắt đầu bình chọn": a clip posted the evening before voting
 * opened is still that clip's post. (The Graph API gives totals only, so reactions before the window
 * cannot be told apart; the README says so.)
 */
export const POST_LOOKBACK_DAYS = 7;

/** What the organizer chose when Page counts differ from counts typed by hand. */
export type OverwriteChoice = 'overwrite' | 'keep' | 'cancel';

export interface UpdateInput {
  /** Asked only when some hand-typed counts differ from the Page's; without it they are kept. */
  confirmOverwrite?: (lines: string[]) => OverwriteChoice;
}

/** The outcome of the run at "Kết thúc bình chọn", for the scheduler: whether the counts are final, and when to try again if not. */
export interface FreezeOutcome {
  summary: Summary;
  frozen: boolean;
  /** Set when the run came before the window's end: the counts were updated but not frozen. */
  retryAt: Date | null;
}

const COLUMNS: EngagementKey[] = ['reactions', 'shares', 'updated', 'source'];

function refuse(code: string, message: string): never {
  throw new ContestError([{ code, severity: 'stops-action', message }]);
}

/** The freeze that holds for the current settings (a "Kết thúc bình chọn" moved later reopens reading). */
function currentFreeze(ctx: ActionContext, settings: Settings): FrozenCounts | null {
  const frozen = loadFrozen(contestStore(ctx));
  return frozen && frozen.windowEnd === settings.votingEnd.toISOString() ? frozen : null;
}

function requireConnection(ctx: ActionContext): FanpageConnection {
  const c = loadConnection(ctx);
  if (c) return c;
  const who = ctx.user ? `Tài khoản ${ctx.user}` : 'Tài khoản chạy thao tác này';
  return refuse(
    'fanpage.not_connected',
    `${who} chưa kết nối Fanpage cho bảng tính này. Hãy chạy "Hội thi → Kết nối Fanpage" (mã truy cập được lưu riêng cho từng người).`,
  );
}

interface Read {
  posts: PagePost[];
  match: MatchResult;
  calls: number;
  retries: number;
  /** Clips whose linked post Facebook says is gone (100/33), with the text to show. */
  gone: Map<string, string>;
}

/**
 * Reads the Page: the window's posts (plus the short links' redirects) and then, in one fetchAll, the
 * posts linked by ID that the listing did not hold (older posts, or deleted ones). Calls depend on
 * the number of posts and of pages, never on the number of clips.
 */
function readPage(ctx: ActionContext, connection: FanpageConnection, settings: Settings, clips: ClipPostLink[], until: Date): Read {
  const since = new Date(settings.votingStart.getTime() - POST_LOOKBACK_DAYS * 86_400_000);
  const shortLinks = [...new Set(clips.map((c) => linkInfo(c.link).shortLink).filter((s): s is string => s !== null))];
  ctx.progress?.(`Đang đọc bài đăng của Fanpage "${connection.pageName}"…`);
  const listed = readPagePosts(ctx.services, connection.token, connection.pageId, since, until, shortLinks);
  for (const c of clips) {
    const short = linkInfo(c.link).shortLink;
    if (short && listed.resolved.has(short)) c.resolved = listed.resolved.get(short);
  }
  let posts = listed.posts;
  let match = matchPosts(clips, posts);
  let calls = listed.calls;
  let retries = listed.retries;
  const gone = new Map<string, string>();
  const lookups = match.unmatched
    .filter((u) => u.reason === 'link-not-found')
    .map((u) => ({
      clip: u.clip,
      postId: clipKeys(u.clip)
        .find((k) => /^post:\d+$/.test(k))
        ?.slice(5),
    }))
    .filter((x): x is { clip: ClipPostLink; postId: string } => x.postId !== undefined);
  if (lookups.length > 0) {
    const got = graphGetAll(
      ctx.services,
      connection.token,
      lookups.map((l) => graphUrl(`${connection.pageId}_${l.postId}`, { fields: POST_FIELDS })),
    );
    calls += 1 + got.retries;
    retries += got.retries;
    const extra: PagePost[] = [];
    got.results.forEach((r, i) => {
      if (r.ok) extra.push(toPagePost(r.body));
      else gone.set(lookups[i].clip.clipId, graphErrorText(r.error, `bài đăng ở "Link bài đăng"`, connection.token));
    });
    if (extra.length > 0) {
      posts = [...posts, ...extra];
      match = matchPosts(clips, posts);
    }
  }
  return { posts, match, calls, retries, gone };
}

function clipsOf(table: Table<EngagementKey>): ClipPostLink[] {
  return table.rows.map((r) => ({ clipId: text(table, r, 'id'), row: r.row, link: text(table, r, 'post') })).filter((c) => c.clipId !== '');
}

const count = (v: unknown): string => (v === '' || v === null || v === undefined ? 'trống' : String(v));

/** A matched clip whose hand-typed counts differ from the Page's, with the line that shows it. */
interface Conflict {
  row: number;
  clipId: string;
  post: PagePost;
  line: string;
}

const fanpageValues = (post: PagePost, now: Date): unknown[] => [post.reactions, post.shares, now, SOURCE_FANPAGE];

/** The rows to write (by sheet row) and the hand-typed counts that differ from the Page's (left out of the writes). */
function planWrites(
  table: Table<EngagementKey>,
  rowOf: Map<number, TableRow>,
  matches: PostMatch[],
  now: Date,
): { updates: Map<number, unknown[]>; conflicts: Conflict[] } {
  const conflicts: Conflict[] = [];
  const updates = new Map<number, unknown[]>();
  for (const m of matches) {
    const r = rowOf.get(m.row)!;
    if (countSource(table, r) !== 'manual') {
      updates.set(m.row, fanpageValues(m.post, now));
      continue;
    }
    const same = cell(table, r, 'reactions') === m.post.reactions && cell(table, r, 'shares') === m.post.shares;
    if (same) continue;
    conflicts.push({
      row: m.row,
      clipId: m.clipId,
      post: m.post,
      line: `${m.clipId} (dòng ${m.row}): nhập tay ${count(cell(table, r, 'reactions'))} cảm xúc, ${count(cell(table, r, 'shares'))} chia sẻ; Fanpage: ${m.post.reactions}, ${m.post.shares}`,
    });
  }
  return { updates, conflicts };
}

/** The organizer's choice on the conflicts; without any conflict, or without a way to ask, the hand-typed counts are kept. */
function askOverwrite(input: UpdateInput, conflicts: Conflict[]): OverwriteChoice {
  return conflicts.length > 0 && input.confirmOverwrite ? input.confirmOverwrite(conflicts.map((c) => c.line)) : 'keep';
}

/**
 * Marks the counts final: "Chốt lúc …" notes on the written rows and the frozen snapshot (the counts
 * just written, or those kept in the sheet). Returns the summary line.
 */
function freezeCounts(
  ctx: ActionContext,
  settings: Settings,
  table: Table<EngagementKey>,
  rowOf: Map<number, TableRow>,
  matches: PostMatch[],
  updates: Map<number, unknown[]>,
  lateMinutes: number,
): string {
  const tz = settings.timeZone;
  const counts: FrozenCounts['counts'] = {};
  for (const m of matches) {
    const r = rowOf.get(m.row)!;
    counts[m.clipId] = updates.get(m.row)
      ? [m.post.reactions, m.post.shares]
      : [Number(cell(table, r, 'reactions')) || 0, Number(cell(table, r, 'shares')) || 0];
  }
  markFrozenRows(
    table,
    [...updates.keys()],
    `Chốt lúc ${formatDateTime(ctx.now, tz)} (Kết thúc bình chọn ${formatDateTime(settings.votingEnd, tz)}): số liệu cuối cùng, không đọc lại từ Fanpage.`,
  );
  saveFrozen(contestStore(ctx), { readAt: ctx.now.toISOString(), windowEnd: settings.votingEnd.toISOString(), lateMinutes, counts });
  return `Đã chốt số liệu tương tác lúc ${formatDateTime(ctx.now, tz)} (Kết thúc bình chọn: ${formatDateTime(settings.votingEnd, tz)}); "Tính điểm" dùng số đã chốt.`;
}

const UNMATCHED_REASONS: Record<MatchResult['unmatched'][number]['reason'], string> = {
  'no-link': 'chưa có link bài đăng, và không bài nào ghi mã bài này',
  'link-not-found': 'link bài đăng không khớp bài nào của Fanpage trong thời gian bình chọn',
  'not-facebook': 'link bài đăng không phải link Facebook',
  ambiguous: 'nhiều bài đăng cùng khớp (cùng link, hoặc nhiều bài ghi mã này); chưa lấy số liệu',
};

/** What was read and written, then the clips no post matched and the posts no clip matched. */
function readLines(read: Read, connection: FanpageConnection, written: number): string[] {
  const byLink = read.match.matches.filter((m) => m.by === 'link').length;
  const byId = read.match.matches.length - byLink;
  const lines = [
    `Đã đọc ${read.posts.length} bài đăng của Fanpage "${connection.pageName}" (${read.calls} lần gọi Facebook${read.retries > 0 ? `, ${read.retries} lần chờ vì bị giới hạn` : ''}); ghi số liệu của ${written} bài vào trang "${ENGAGEMENT.name}".`,
    `Khớp theo link bài đăng: ${byLink} bài · theo mã bài trong nội dung: ${byId} bài.`,
  ];
  const { unmatched, strayPosts } = read.match;
  if (unmatched.length > 0) {
    lines.push(
      `${unmatched.length} bài chưa khớp bài đăng nào (số liệu giữ nguyên):`,
      ...childLines(unmatched.map((u) => `${u.clip.clipId} (dòng ${u.clip.row}): ${read.gone.get(u.clip.clipId) ?? UNMATCHED_REASONS[u.reason]}`)),
    );
  }
  if (strayPosts.length > 0) {
    lines.push(
      `${strayPosts.length} bài đăng của Fanpage không khớp bài dự thi nào:`,
      ...childLines(strayPosts.map((p) => `${p.permalink || p.id}${p.message ? ` – "${p.message.slice(0, 60)}${p.message.length > 60 ? '…' : ''}"` : ''}`)),
    );
  }
  return lines;
}

function lateWarning(now: Date, settings: Settings, lateMinutes: number): string {
  const tz = settings.timeZone;
  return `Chốt trễ ${lateMinutes} phút: số liệu được đọc lúc ${formatDateTime(now, tz)}, sau Kết thúc bình chọn (${formatDateTime(settings.votingEnd, tz)}); lượt cảm xúc, chia sẻ trong khoảng đó có thể đã được tính (Facebook chỉ cho biết tổng hiện tại).`;
}

/**
 * The common run: read the Page, then write the matched clips' counts (never a hand-typed count
 * unless the organizer chose to, never anything when a read failed: every error is thrown before
 * the first write). `freeze` marks what it wrote final.
 */
function run(ctx: ActionContext, settings: Settings, freeze: boolean, input: UpdateInput): { summary: Summary; cancelled: boolean } {
  const title = freeze ? FREEZE_ENGAGEMENT_TITLE : UPDATE_ENGAGEMENT_TITLE;
  const connection = requireConnection(ctx);
  assertCanWrite(ctx, title, [ENGAGEMENT.name]);
  const table = readSheet(ctx.spreadsheet, ENGAGEMENT);
  // Posts created after the window's end are not the contest's.
  const until = new Date(Math.min(ctx.now.getTime(), settings.votingEnd.getTime() + 59_999));
  const read = readPage(ctx, connection, settings, clipsOf(table), until);

  const rowOf = new Map(table.rows.map((r) => [r.row, r]));
  const { updates, conflicts } = planWrites(table, rowOf, read.match.matches, ctx.now);
  const choice = askOverwrite(input, conflicts);
  if (choice === 'cancel') {
    return { cancelled: true, summary: { title, lines: [`Đã hủy: chưa ghi gì vào trang "${ENGAGEMENT.name}".`], warnings: [] } };
  }
  const overwrite = choice === 'overwrite';
  if (overwrite) for (const c of conflicts) updates.set(c.row, fanpageValues(c.post, ctx.now));

  updateRows(table, COLUMNS, updates);
  const lateMinutes = Math.max(0, Math.round((floorToMinute(ctx.now.getTime()) - floorToMinute(settings.votingEnd.getTime())) / 60_000));
  const lines = freeze ? [freezeCounts(ctx, settings, table, rowOf, read.match.matches, updates, lateMinutes)] : [];
  lines.push(...readLines(read, connection, updates.size));
  const warnings = freeze && lateMinutes > 0 ? [lateWarning(ctx.now, settings, lateMinutes)] : [];
  if (conflicts.length > 0 && !overwrite) {
    warnings.push(
      `Giữ số nhập tay ở ${conflicts.length} bài (cột "Nguồn" khác "${SOURCE_FANPAGE}"); muốn dùng số Fanpage, chạy lại và chọn ghi đè, hoặc xóa số nhập tay:`,
      ...childLines(conflicts.map((c) => c.line)),
    );
  } else if (overwrite) {
    lines.push(`Đã ghi đè số nhập tay của ${conflicts.length} bài bằng số Fanpage theo lựa chọn của bạn.`);
  }
  return { cancelled: false, summary: { title, lines, warnings } };
}

/** A note on each written row's "Nguồn" cell; other notes in the span are kept (one getNotes, one setNotes). */
function markFrozenRows(table: Table<EngagementKey>, rows: number[], note: string): void {
  const col = table.col.source;
  if (rows.length === 0 || col < 0) return;
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const range = table.sheet.getRange(first, col + 1, last - first + 1, 1);
  const notes = range.getNotes();
  const set = new Set(rows);
  range.setNotes(notes.map((n, i) => [set.has(first + i) ? note : n[0]]));
}

/**
 * "Cập nhật tương tác từ Fanpage". Before the window's end: an ordinary read. After it, with no freeze
 * yet (the run at "Kết thúc bình chọn" failed or did not fire): this read is the freeze, reported late.
 * After the freeze: refused, so scores after the window keep the frozen counts.
 */
export function updateEngagement(ctx: ActionContext, input: UpdateInput = {}): Summary {
  const settings = readSettingsOrThrow(ctx.spreadsheet);
  const frozen = currentFreeze(ctx, settings);
  if (frozen) {
    refuse(
      'fanpage.frozen',
      `Số liệu tương tác đã chốt lúc ${formatDateTime(new Date(frozen.readAt), settings.timeZone)} (Kết thúc bình chọn ${formatDateTime(settings.votingEnd, settings.timeZone)}); không đọc lại từ Fanpage sau khi hết giờ bình chọn. Trang "${ENGAGEMENT.name}" giữ nguyên.`,
    );
  }
  const after = floorToMinute(ctx.now.getTime()) > floorToMinute(settings.votingEnd.getTime());
  return run(ctx, settings, after, input).summary;
}

/**
 * The last read, due at "Kết thúc bình chọn" (the scheduler's job): reads the Page and marks the
 * counts final ("Chốt lúc …" notes and the FREEZE_PROPERTY document property). Run early, it updates
 * without freezing and asks to be run again at the window's end; run late, the summary says when the
 * counts were actually read. A failed read throws (nothing written, nothing frozen).
 */
export function freezeEngagement(ctx: ActionContext): FreezeOutcome {
  const settings = readSettingsOrThrow(ctx.spreadsheet);
  const frozen = currentFreeze(ctx, settings);
  if (frozen) {
    const at = formatDateTime(new Date(frozen.readAt), settings.timeZone);
    return {
      frozen: true,
      retryAt: null,
      summary: { title: FREEZE_ENGAGEMENT_TITLE, lines: [`Số liệu tương tác đã chốt lúc ${at}; không đọc lại.`], warnings: [] },
    };
  }
  if (floorToMinute(ctx.now.getTime()) < floorToMinute(settings.votingEnd.getTime())) {
    const { summary } = run(ctx, settings, false, {});
    const early = Math.round((settings.votingEnd.getTime() - ctx.now.getTime()) / 60_000);
    return {
      frozen: false,
      retryAt: settings.votingEnd,
      summary: {
        ...summary,
        title: FREEZE_ENGAGEMENT_TITLE,
        warnings: [
          `Chạy sớm ${early} phút so với Kết thúc bình chọn (${formatDateTime(settings.votingEnd, settings.timeZone)}): đã cập nhật nhưng chưa chốt.`,
          ...summary.warnings,
        ],
      },
    };
  }
  try {
    return { frozen: true, retryAt: null, summary: run(ctx, settings, true, {}).summary };
  } catch (error) {
    if (!(error instanceof ContestError)) throw error;
    throw new ContestError([...error.problems, { code: 'fanpage.freeze_failed', severity: 'stops-action', message: freezeFailedText(ctx, settings) }]);
  }
}

/** Says what "Tương tác" holds after a failed freeze: the counts of the last successful read, and when that was. */
function freezeFailedText(ctx: ActionContext, settings: Settings): string {
  let last: Date | null = null;
  try {
    const table = readSheet(ctx.spreadsheet, ENGAGEMENT);
    for (const r of table.rows) {
      const v = cell(table, r, 'updated');
      if (v instanceof Date && text(table, r, 'source') === SOURCE_FANPAGE && (!last || v.getTime() > last.getTime())) last = v;
    }
  } catch {
    // The sheet itself may be what failed; the message then says nothing about earlier reads.
  }
  const tz = settings.timeZone;
  const previous = last ? `số đọc từ Fanpage lần gần nhất lúc ${formatDateTime(last, tz)}` : 'chưa có số nào đọc từ Fanpage';
  return `Chưa chốt được số liệu tương tác lúc ${formatDateTime(ctx.now, tz)} (Kết thúc bình chọn ${formatDateTime(settings.votingEnd, tz)}): trang "${ENGAGEMENT.name}" giữ nguyên (${previous}). Khi sửa xong, chạy "Hội thi → ${UPDATE_ENGAGEMENT_TITLE}" để chốt (sẽ ghi là chốt trễ).`;
}

/** The freeze as a trigger action (its summary goes to "Nhật ký"); the lead's scheduler may call freezeEngagement directly. */
export const freezeEngagementTrigger: TriggerAction<unknown> = { title: FREEZE_ENGAGEMENT_TITLE, run: (ctx) => freezeEngagement(ctx).summary };

export const updateEngagementAction: MenuAction<UpdateInput> = { title: UPDATE_ENGAGEMENT_TITLE, lock: false, run: updateEngagement };
