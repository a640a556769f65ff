// The whole workbook: its fixed sheets in order, and reading a contest from it in a few batched reads.
import type { AppraisalCriterion, ContestInput, Problem, PrizeTier, RubricCriterion, Settings } from '../domain/types';
import { APPRAISAL_CRITERIA, readAppraisalCriteria } from './appraisalCriteria';
import { APPRAISAL_SHEET, appraisalSchema, readAppraisalRows, type AppraisalRow } from './appraisal';
import { AUDIT_LOG } from './auditLog';
import { AWARDS } from './awards';
import { CONFIG, readSettings } from './config';
import { ENGAGEMENT, readEngagement } from './engagement';
import { RepeatTracker, SCORE_BLOCKING_CODES, duplicateHeaderProblems, duplicateKeyProblems } from './duplicates';
import { ContestError, valueOrStop } from './errors';
import { JURORS, readJurors, type JurorRow } from './jurors';
import { juryTabName, juryTabSchema, locateJuryTabs, orphanTabMessage, readJuryTab, staleMarkColumns, type JuryTabRead } from './juryTab';
import { PARTICIPATION } from './participation';
import { PRIZE_TIERS, readPrizeTiers } from './prizeTiers';
import { RESULTS } from './results';
import { RUBRIC, readRubric } from './rubric';
import { SHARE_LOG, readShareLog } from './shareLog';
import { SUBMISSIONS, readSubmissions, type SubmissionKey, type SubmissionRow } from './submissions';
import { UNITS, readUnits, type UnitRow } from './units';
import { sheetIndexOf, type SheetIndex, type SheetLookup } from './sheetIndex';
import { readSheet, readTable, text, type Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheet names in the order setup creates them (Thẩm định sits after Bài dự thi). */
export const SHEET_ORDER = [
  CONFIG.name,
  APPRAISAL_CRITERIA.name,
  RUBRIC.name,
  PRIZE_TIERS.name,
  UNITS.name,
  JURORS.name,
  SUBMISSIONS.name,
  APPRAISAL_SHEET,
  ENGAGEMENT.name,
  SHARE_LOG.name,
  RESULTS.name,
  AWARDS.name,
  PARTICIPATION.name,
  AUDIT_LOG.name,
];

/** Throws the problems as one ContestError when there are any. */
function stopOn(problems: Problem[]): void {
  if (problems.length > 0) throw new ContestError(problems);
}

/** The rules of the contest: settings, criteria, rubric, prize tiers. Any problem stops the action. */
export interface ContestRules {
  settings: Settings;
  criteria: AppraisalCriterion[];
  rubric: RubricCriterion[];
  tiers: PrizeTier[];
}

export function readSettingsOrThrow(spreadsheet: SheetLookup): Settings {
  return valueOrStop(readSettings(spreadsheet));
}

export function readCriteriaOrThrow(spreadsheet: SheetLookup): AppraisalCriterion[] {
  const { criteria, problems } = readAppraisalCriteria(readSheet(spreadsheet, APPRAISAL_CRITERIA));
  stopOn(problems);
  return criteria;
}

export function readRubricOrThrow(spreadsheet: SheetLookup): RubricCriterion[] {
  const { rubric, problems } = readRubric(readSheet(spreadsheet, RUBRIC));
  stopOn(problems);
  return rubric;
}

export function readRules(spreadsheet: SheetLookup): ContestRules {
  const settings = readSettingsOrThrow(spreadsheet);
  const criteria = readCriteriaOrThrow(spreadsheet);
  const rubric = readRubricOrThrow(spreadsheet);
  const { tiers, problems } = readPrizeTiers(readSheet(spreadsheet, PRIZE_TIERS));
  stopOn(problems);
  return { settings, criteria, rubric, tiers };
}

/** Roster, jurors and submissions, with the non-fatal problems found in them. */
export interface People {
  units: UnitRow[];
  jurors: JurorRow[];
  submissions: SubmissionRow[];
  /** "Bài dự thi" as read, for an action that also writes its computed columns (no second read). */
  submissionTable: Table<SubmissionKey>;
  warnings: Problem[];
}

export function readPeople(spreadsheet: SheetLookup, timeZone: string): People {
  const u = readUnits(readSheet(spreadsheet, UNITS));
  const j = readJurors(readSheet(spreadsheet, JURORS), u.units);
  const submissionTable = readSheet(spreadsheet, SUBMISSIONS);
  const s = readSubmissions(submissionTable, u.units, timeZone);
  return { units: u.units, jurors: j.jurors, submissions: s.submissions, submissionTable, warnings: [...u.problems, ...j.problems, ...s.problems] };
}

/** "Thẩm định" read against the current criteria. */
export function readAppraisalSheet(spreadsheet: SheetLookup, criteria: AppraisalCriterion[]): { table: Table<string>; rows: AppraisalRow[] } {
  const table = readSheet(spreadsheet, appraisalSchema(criteria));
  return { table, rows: readAppraisalRows(table, criteria) };
}

/** How many rows an orphan-clip warning names before "… và N dòng khác". */
const ORPHAN_LIST_LIMIT = 10;

/**
 * Rows of `sheet` whose clip ID is not in "Bài dự thi" — typically the submission's row was deleted
 * there, which silently removes the clip from scoring while its rows stay elsewhere. One problem per
 * sheet listing the IDs with their rows (null when every ID is known); blank IDs are ignored.
 */
export function orphanClipRows(sheet: string, rows: { clipId: string; row: number }[], known: Set<string>): Problem | null {
  const orphans = rows.filter((r) => r.clipId !== '' && !known.has(r.clipId.toUpperCase()));
  if (orphans.length === 0) return null;
  const shown = orphans.slice(0, ORPHAN_LIST_LIMIT).map((r) => `${r.clipId} (dòng ${r.row})`);
  if (orphans.length > ORPHAN_LIST_LIMIT) shown.push(`… và ${orphans.length - ORPHAN_LIST_LIMIT} dòng khác`);
  return {
    code: 'clip.orphan',
    severity: 'info',
    message: `Trang "${sheet}": mã bài không có trong "${SUBMISSIONS.name}" (dòng của bài có thể đã bị xoá hoặc mã đã bị sửa): ${shown.join(', ')}.`,
    consequence: 'các dòng này không được tính',
    sheet,
    column: 'Mã bài',
  };
}

/** Clip ID and sheet row of each data row of a table with an 'id' column. */
function idRows(table: Table<string>): { clipId: string; row: number }[] {
  return table.rows.map((r) => ({ clipId: text(table, r, 'id'), row: r.row }));
}

/** One juror's tab as read, or null when the tab does not exist yet. */
export interface JuryTabState {
  juror: JurorRow;
  table: Table<string> | null;
  read: JuryTabRead | null;
}

/** Everything "Tính điểm" and "Lập danh sách khen thưởng" need, read in one pass. */
export interface ContestRead {
  rules: ContestRules;
  people: People;
  input: ContestInput;
  appraisal: AppraisalRow[];
  juryTabs: JuryTabState[];
  /** Bad marks, by cell. */
  markProblems: Problem[];
  /** Everything else worth telling the organizer (roster, submissions, engagement, share log, missing tabs). */
  warnings: Problem[];
  /** The sheets as this read found them, for the action's writes (no second lookup of any sheet). */
  sheets: SheetIndex;
}

/** The same clip appraised twice: the ticks of the first row would decide silently. */
function appraisalRepeatProblems(appraisal: AppraisalRow[], criteria: AppraisalCriterion[]): Problem[] {
  const appraisalRepeats = new RepeatTracker<AppraisalRow>();
  for (const a of appraisal) appraisalRepeats.see(a.clipId.toUpperCase(), a);
  const appraisalGroups = appraisalRepeats
    .groups()
    .map((g) => g.map((a) => ({ shown: a.clipId, row: a.row, signature: criteria.map((c) => (a.ticks[c.code] ? '1' : '0')).join('') })));
  return duplicateKeyProblems(APPRAISAL_SHEET, 'Mã bài', 'appraisal', appraisalGroups, 'dấu tiêu chí');
}

/** Every juror's tab as read, with bad marks apart from the warnings (missing, repeated, stale, orphan tabs). */
function readJuryTabs(
  sheets: SheetIndex,
  jurors: JurorRow[],
  rubric: RubricCriterion[],
): { juryTabs: JuryTabState[]; warnings: Problem[]; markProblems: Problem[] } {
  const warnings: Problem[] = [];
  const markProblems: Problem[] = [];
  // Tabs are found by the juror code noted on A1 first, so a juror renamed since "Chuẩn bị phiếu chấm BGK" keeps their marks.
  const located = locateJuryTabs(sheets, jurors);
  const juryTabs: JuryTabState[] = jurors.map((juror, n) => {
    const { sheet, name } = located.tabs[n];
    if (!sheet) {
      warnings.push({
        code: 'jury.tab_missing',
        severity: 'info',
        message: `Giám khảo "${juror.name}" chưa có trang "${juryTabName(juror)}". Hãy chạy "Chuẩn bị phiếu chấm BGK".`,
        sheet: juryTabName(juror),
      });
      return { juror, table: null, read: null };
    }
    // Problems name the tab as it is called now (it is renamed on the next "Chuẩn bị phiếu chấm BGK").
    const table = readTable(sheet, { ...juryTabSchema(juror, rubric), name });
    const read = readJuryTab(table, juror, rubric);
    // Identical repeated rows are only a warning; a bad mark or marks that differ between copies are not.
    markProblems.push(...read.problems.filter((p) => p.code !== 'jury.duplicate_same'));
    warnings.push(...read.problems.filter((p) => p.code === 'jury.duplicate_same'));
    warnings.push(...staleMarkColumns(table));
    return { juror, table, read };
  });
  warnings.push(...located.orphans.map((name) => ({ code: 'jury.tab_orphan', severity: 'info' as const, message: orphanTabMessage(name), sheet: name })));
  return { juryTabs, warnings, markProblems };
}

/** Rows left behind by a row deleted in "Bài dự thi": the clip is gone from scoring, so say where. */
function orphanRowProblems(sources: [string, { clipId: string; row: number }[]][], submissions: SubmissionRow[]): Problem[] {
  const known = new Set(submissions.map((s) => s.id.toUpperCase()));
  const out: Problem[] = [];
  for (const [sheet, rows] of sources) {
    const p = orphanClipRows(sheet, rows, known);
    if (p) out.push(p);
  }
  return out;
}

/**
 * Reads the whole contest: two service calls per sheet, whatever the number of rows, after listing
 * the sheets once (the jury tabs are found in that list, and every other sheet by name from it).
 * Invalid settings, criteria, rubric or prize tiers throw before anything is written.
 */
export function readContest(spreadsheet: Spreadsheet | SheetIndex): ContestRead {
  const sheets = sheetIndexOf(spreadsheet);
  sheets.list();
  const rules = readRules(sheets);
  const { settings, criteria, rubric } = rules;
  const people = readPeople(sheets, settings.timeZone);
  const appraisalRead = readAppraisalSheet(sheets, criteria);
  const appraisal = appraisalRead.rows;
  const tabs = readJuryTabs(sheets, people.jurors, rubric);
  const { juryTabs, markProblems } = tabs;
  const engagementTable = readSheet(sheets, ENGAGEMENT);
  const shareLogTable = readSheet(sheets, SHARE_LOG);
  const engagement = readEngagement(engagementTable);
  const shareLog = readShareLog(shareLogTable, settings.timeZone, settings.votingEnd);
  const orphanSources: [string, { clipId: string; row: number }[]][] = [
    [APPRAISAL_SHEET, appraisal.map((a) => ({ clipId: a.clipId, row: a.row }))],
    ...juryTabs.filter((t) => t.table).map((t): [string, { clipId: string; row: number }[]] => [t.table!.schema.name, idRows(t.table!)]),
    [ENGAGEMENT.name, idRows(engagementTable)],
    [SHARE_LOG.name, idRows(shareLogTable)],
  ];
  const tables: Table<string>[] = [
    people.submissionTable,
    appraisalRead.table,
    ...juryTabs.flatMap((t) => (t.table ? [t.table] : [])),
    engagementTable,
    shareLogTable,
  ];
  const warnings: Problem[] = [
    ...people.warnings,
    ...appraisalRepeatProblems(appraisal, criteria),
    ...tabs.warnings,
    ...engagement.problems,
    ...shareLog.problems,
    ...orphanRowProblems(orphanSources, people.submissions),
    ...tables.flatMap(duplicateHeaderProblems),
  ];
  // A choice that changes a score (two different rows for one clip, two different columns for one
  // header, a typed row without an ID) stops here, before anything is computed or written.
  const blocking = [...warnings, ...markProblems].filter((p) => SCORE_BLOCKING_CODES.has(p.code));
  if (blocking.length > 0) throw new ContestError(blocking);
  const input: ContestInput = {
    settings,
    units: people.units,
    jurors: people.jurors,
    rubric,
    criteria,
    submissions: people.submissions,
    appraisals: appraisal.map((a) => ({ clipId: a.clipId, ticks: a.ticks })),
    juryMarks: juryTabs.flatMap((t) => t.read?.marks ?? []),
    engagement: engagement.counts,
    shareLog: shareLog.entries,
    prizeTiers: rules.tiers,
  };
  return { rules, people, input, appraisal, juryTabs, markProblems, warnings, sheets };
}
