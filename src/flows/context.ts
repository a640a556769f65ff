// What every action (menu item or trigger) receives — one context — and returns — a summary for the dialog and "Nhật ký".
import type { Problem } from '../domain/types';
import { blockedSheets, isOwner } from '../sheets/access';
import { ContestError } from '../sheets/errors';
import type { SheetLookup } from '../sheets/sheetIndex';

/** The Apps Script services an action may use, handed in (Google's globals in main.ts, the emulator's in tests). */
export interface Services {
  spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  formApp: GoogleAppsScript.Forms.FormApp;
  scriptApp: GoogleAppsScript.Script.ScriptApp;
  lockService: GoogleAppsScript.Lock.LockService;
  utilities: GoogleAppsScript.Utilities.Utilities;
  mailApp: GoogleAppsScript.Mail.MailApp;
  propertiesService: GoogleAppsScript.Properties.PropertiesService;
  htmlService: GoogleAppsScript.HTML.HtmlService;
  urlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  driveApp: GoogleAppsScript.Drive.DriveApp;
  slidesApp: GoogleAppsScript.Slides.SlidesApp;
  /** The Slides advanced service (appsscript.json enables it): only it can create an A4 page. */
  slides?: GoogleAppsScript.Slides;
}

/** The contest spreadsheet, the services, who runs the action and when it started. */
export interface ActionContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  services: Services;
  /** Email of the user running the action ('' when Google does not reveal it). */
  user: string;
  now: Date;
  /** Progress messages for long actions (a spreadsheet toast in Google); set by the menu door. */
  progress?: (message: string) => void;
  /** True while the menu door holds the document lock for this execution: withLock then runs at once. */
  holdsLock?: boolean;
}

/** Apps Script's global services by their global names: what main.ts has, and what the emulator exposes. */
export interface AppsScriptGlobals {
  SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  FormApp: GoogleAppsScript.Forms.FormApp;
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  LockService: GoogleAppsScript.Lock.LockService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  MailApp: GoogleAppsScript.Mail.MailApp;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  UrlFetchApp: GoogleAppsScript.URL_Fetch.UrlFetchApp;
  DriveApp: GoogleAppsScript.Drive.DriveApp;
  SlidesApp: GoogleAppsScript.Slides.SlidesApp;
  Slides?: GoogleAppsScript.Slides;
}

/** The one way an action context is built, from Google's globals or the emulator alike. */
export function createActionContext(globals: AppsScriptGlobals, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string, now: Date): ActionContext {
  return {
    spreadsheet,
    user,
    now,
    services: {
      spreadsheetApp: globals.SpreadsheetApp,
      formApp: globals.FormApp,
      scriptApp: globals.ScriptApp,
      lockService: globals.LockService,
      utilities: globals.Utilities,
      mailApp: globals.MailApp,
      propertiesService: globals.PropertiesService,
      htmlService: globals.HtmlService,
      urlFetchApp: globals.UrlFetchApp,
      driveApp: globals.DriveApp,
      slidesApp: globals.SlidesApp,
      slides: globals.Slides,
    },
  };
}

/** What an action did: a Vietnamese title, lines of counts, warnings naming sheet/row/column. */
export interface Summary {
  title: string;
  lines: string[];
  warnings: string[];
  /** The printable QR page to show instead of the summary dialog ("Mã QR nộp bài"). */
  printPage?: QrPrintPage;
}

/** One code on the printable page: who it is for and the link it opens. */
export interface QrCard {
  /** Shown under the code: the unit's roster name, or the general-link label. */
  label: string;
  url: string;
}

export interface QrPrintPage {
  contestName: string;
  /** Already formatted in the contest time zone, e.g. "10/06/2023 23:59". */
  deadlineText: string;
  cards: QrCard[];
}

/** Warnings shown in a dialog are capped; the rest are counted so a dialog stays readable. */
export const MAX_WARNINGS = 40;

/** The message, then what the add-on does meanwhile: "…: \"1,5\" không phải số nguyên không âm; tạm tính là 0 cho đến khi sửa." */
export function problemText(p: Problem): string {
  return p.consequence ? `${p.message.replace(/\.$/, '')}; ${p.consequence}.` : p.message;
}

export function problemMessages(problems: Problem[], limit = MAX_WARNINGS): string[] {
  const shown = problems.slice(0, limit).map(problemText);
  if (problems.length > limit) shown.push(`… và ${problems.length - limit} vấn đề khác.`);
  return shown;
}

/** The problems' messages in one line (for a "Nhật ký" entry or a note that must not stop the run). */
export function problemsText(problems: Problem[]): string {
  return problems.map((p) => p.message).join(' ');
}

/** How long a menu action waits for another execution (or a submission being written) before giving up. */
export const ACTION_LOCK_WAIT_MS = 30_000;

export const LOCK_BUSY = 'lock.busy';

/**
 * Runs `fn` holding the contest document's lock (shared with the form intake, so rows appended by a
 * submission and rows appended by an action never interleave). The document lock, never the script
 * lock: an Editor add-on's script lock would serialise every contest of every organizer. Throws a
 * ContestError coded LOCK_BUSY when it cannot be taken within `waitMs`; nothing has been written then.
 */
export function withLock<T>(ctx: ActionContext, fn: () => T, waitMs = ACTION_LOCK_WAIT_MS, message = MSG_LOCK_BUSY): T {
  // The menu door already holds it for the whole action: taking it again would cost calls and prove nothing.
  if (ctx.holdsLock) return fn();
  const lock = ctx.services.lockService.getDocumentLock();
  // Null outside a document (a clock trigger of an add-on): nothing that appends rows runs there.
  if (!lock)
    throw new ContestError([{ code: 'lock.no_document', severity: 'stops-action', message: 'Thao tác này chỉ chạy được trong bảng tính của hội thi.' }]);
  if (!lock.tryLock(waitMs)) throw new ContestError([{ code: LOCK_BUSY, severity: 'stops-action', message }]);
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

const MSG_LOCK_BUSY = 'Một thao tác khác (hoặc một bài nộp đang được ghi) đang chạy. Hãy thử lại sau ít phút.';

/** The Vietnamese refusal when the current user cannot edit protected sheets an action writes. */
export function organizersOnlyMessage(action: string, user: string, sheets: string[]): string {
  const who = user ? `Tài khoản ${user}` : 'Tài khoản của bạn';
  return `Chỉ Ban tổ chức (BTC) mới chạy được "${action}": ${who} không có quyền sửa ${sheets.map((s) => `trang "${s}"`).join(', ')} (trang được bảo vệ). Chưa có dữ liệu nào bị thay đổi. Hãy nhờ Ban tổ chức chạy thao tác này, hoặc nhờ họ thêm bạn vào danh sách được sửa các trang đó.`;
}

/**
 * Stops `action` before any write when the current user cannot edit one of the protected sheets it
 * writes (Protection.canEdit()); otherwise Google would throw its English error after a partial write.
 * The owner, whom no protection binds, is let through after two calls instead of two per sheet.
 * `sheets` finds the sheets by name (the action's SheetIndex, when it has one).
 */
export function assertCanWrite(ctx: ActionContext, action: string, sheetNames: string[], sheets: SheetLookup = ctx.spreadsheet): void {
  if (isOwner(ctx.spreadsheet, ctx.user)) return;
  const blocked = blockedSheets(ctx.spreadsheet, ctx.services.spreadsheetApp, sheetNames, sheets);
  if (blocked.length === 0) return;
  throw new ContestError([
    { code: 'access.protected', severity: 'stops-action', message: organizersOnlyMessage(action, ctx.user, blocked), sheet: blocked[0] },
  ]);
}

/** The part of a property store the contest keeps its own state in. */
export type ContestStore = Pick<GoogleAppsScript.Properties.Properties, 'getProperty' | 'setProperty' | 'deleteProperty'>;

/**
 * Where the contest keeps small state (the scheduler's done jobs, the frozen Fanpage counts, the final
 * results): the document's properties, shared by its organizers. An add-on's clock trigger has no current
 * document (getDocumentProperties() is null there), so it falls back to the running user's properties
 * under keys prefixed with the spreadsheet id; reads look in both, document first.
 */
export function contestStore(ctx: ActionContext): ContestStore {
  const doc = ctx.services.propertiesService.getDocumentProperties();
  // The user's store and the spreadsheet id are fetched only when needed: a menu action (with a document)
  // whose key is in the document's properties pays no extra service call.
  let fallback: { store: GoogleAppsScript.Properties.Properties; prefix: string } | null = null;
  const user = () => (fallback ??= { store: ctx.services.propertiesService.getUserProperties(), prefix: `${ctx.spreadsheet.getId()}:` });
  const store: ContestStore = {
    getProperty: (key) => (doc ? doc.getProperty(key) : null) ?? user().store.getProperty(user().prefix + key),
    setProperty: (key, value) => {
      if (doc) doc.setProperty(key, value);
      else user().store.setProperty(user().prefix + key, value);
      return store as GoogleAppsScript.Properties.Properties;
    },
    deleteProperty: (key) => {
      if (doc) doc.deleteProperty(key);
      user().store.deleteProperty(user().prefix + key);
      return store as GoogleAppsScript.Properties.Properties;
    },
  };
  return store;
}
