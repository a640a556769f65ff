// The contest's data model: what the rules engine reads and what it returns. Pure types only.

/**
 * How much a problem matters, decided where the problem is created (the creator knows its fallback):
 * - 'stops-action': the action cannot run until it is fixed (invalid settings, a missing sheet or
 *   header, prize tiers that make no sense); nothing is written.
 * - 'changes-score': the action runs, but with a stand-in that can change a clip's score or standing
 *   against what people typed (a count read as 0, a share-log row or a repeated row left out, an
 *   unreadable mark counted as not marked, an unreadable time counted as on time). `npm run score`
 *   refuses these: an offline re-check must not print totals the organizer did not type.
 * - 'info': worth telling the organizer, but no score depends on it (a missing contact, a duplicate
 *   video link, a tab not yet prepared, an orphaned row).
 */
export type ProblemSeverity = 'stops-action' | 'changes-score' | 'info';

/** A problem found in input; `message` is Vietnamese and names the place when one is known. */
export interface Problem {
  /** Stable machine code, e.g. "setting.weights.sum", "mark.not_number". */
  code: string;
  severity: ProblemSeverity;
  message: string;
  sheet?: string;
  /** 1-based sheet row, as the user sees it. */
  row?: number;
  /** Column header text (the user sees headers, not letters). */
  column?: string;
  /**
   * What the add-on does meanwhile, e.g. "tạm tính là 0 cho đến khi sửa": shown after the message in
   * the add-on's dialogs, left out where the problem stops the action (`npm run score`).
   */
  consequence?: string;
}

/** Success-or-problems result, in the manner of zod's safeParse. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export type JuryAggregation = 'mean' | 'trimmedMean' | 'median';

/** "Chuẩn hoá điểm BGK": off, or standardise each juror's totals before aggregation (normalise.ts). */
export type JuryNormalisation = 'none' | 'perJuror';

export interface Settings {
  contestName: string;
  organizer: string;
  /** Instants; shown and typed in `timeZone`. */
  submissionDeadline: Date;
  votingStart: Date;
  votingEnd: Date;
  juryWeight: number;
  engagementWeight: number;
  pointsPerShare: number;
  pointsPerReaction: number;
  sharesCapPerAccount: number;
  pointsCap: number;
  juryAggregation: JuryAggregation;
  juryNormalisation: JuryNormalisation;
  minValidClipsPerUnit: number;
  acceptLateEntries: boolean;
  onePrizePerUnit: boolean;
  allowPartialJuryMarks: boolean;
  sendConfirmationEmail: boolean;
  timeZone: string;
  /** Certificates (src/flows/certificates.ts): template and output folder (links or ids), signing place, date text, signer. */
  certificateTemplate: string;
  certificateFolder: string;
  certificatePlace: string;
  /** "dd/MM/yyyy" as typed; '' = the day certificates are first made (then recorded here). */
  certificateDate: string;
  certificateSigner: string;
  certificateSignerTitle: string;
  /** Share the spreadsheet (edit access) with jurors who lack it when jury tabs are prepared. */
  shareWithJurors: boolean;
}

export interface Unit {
  code: string;
  name: string;
  aliases: string[];
  email: string;
}

export interface Juror {
  code: string;
  name: string;
  email: string;
  /** Canonical unit name the juror belongs to (conflict of interest), or '' when none. */
  unit: string;
}

export interface AppraisalCriterion {
  code: string;
  text: string;
  required: boolean;
}

export interface RubricCriterion {
  name: string;
  max: number;
}

export interface PrizeTier {
  name: string;
  count: number;
  reward: string;
}

export type EntryType = 'Cá nhân' | 'Tập thể' | string;

export interface Submission {
  id: string;
  submittedAt: Date | null;
  /** Canonical roster name when matched, otherwise what the submitter typed. */
  unit: string;
  unitKnown: boolean;
  entryType: EntryType;
  authors: string;
  title: string;
  videoLink: string;
}

export type AppraisalStatus = 'pending' | 'passed' | 'failed';

export interface AppraisalInput {
  clipId: string;
  /** criterion code → ticked */
  ticks: Record<string, boolean>;
}

export interface AppraisalOutcome {
  clipId: string;
  status: AppraisalStatus;
  /** Unticked required criteria, in criteria order. */
  missing: AppraisalCriterion[];
  /** Vietnamese reason, '' when passed or pending. */
  reason: string;
}

/** One juror's sheet row for one clip: marks per rubric criterion, null = blank (not marked). */
export interface JuryMarkRow {
  clipId: string;
  jurorCode: string;
  marks: (number | null)[];
  /** Cells of this row whose mark could not be read ("9,5a", 120 of 100); their marks are null. */
  invalid?: { sheet: string; row: number; column: string }[];
  /** 1-based row of the juror's tab this came from, so the row's Tổng can be written back. */
  row?: number;
}

/** Where one expected juror stands on one clip. */
export type JurorMarkStatus = 'marked' | 'missing' | 'invalid';

/** One expected juror's mark of one clip (a conflict-of-interest juror is not expected, so not listed). */
export interface JurorMark {
  jurorCode: string;
  /** Juror's name, '' when the roster has none. */
  name: string;
  /** The juror's complete total on the rubric scale (first complete row), null unless `status` is 'marked'. */
  total: number | null;
  /** 'invalid': the juror's row holds an unreadable mark (say which cell to fix, not "missing"). */
  status: JurorMarkStatus;
  /**
   * The total after "Chuẩn hoá điểm BGK" (see normalise.ts), only while that setting is on; equal to
   * `total` for a juror left unnormalised (fewer than 3 marks, or all the same).
   */
  normalisedTotal?: number;
}

export interface EngagementCount {
  clipId: string;
  reactions: number;
  shares: number;
}

export interface ShareLogEntry {
  clipId: string;
  account: string;
  /** null when the time was not recorded: such a share counts (only known times are filtered). */
  time: Date | null;
}

export type UnscoredReason = 'late' | 'appraisalPending' | 'appraisalFailed' | 'juryIncomplete' | 'noJuryMarks';

export interface ClipResult {
  clipId: string;
  /** Counted shares (after the share log's window and per-account cap when the log has entries). */
  countedShares?: number;
  /** True when countedShares came from the share log rather than the entered count. */
  sharesFromLog?: boolean;
  reactions?: number;
  /** Juror totals that entered the aggregate, and how many jurors were expected to mark. */
  juryMarkCount?: number;
  juryExpected?: number;
  /** Every expected juror's total and status for this clip, in roster order. */
  jurorMarks?: JurorMark[];
  unit: string;
  /**
   * True when the unit matched the roster ("Đơn vị") by name or alias. A clip of an unknown unit is
   * still scored and ranked, but is not eligible for awards until the organizer fixes its unit.
   */
  unitKnown: boolean;
  title: string;
  authors: string;
  submittedAt: Date | null;
  /** Aggregate of the juror totals as marked, on the rubric's own scale (0..rubricMax), null if no marks. */
  juryAggregate: number | null;
  /**
   * Aggregate of the normalised juror totals (same scale), present only while "Chuẩn hoá điểm BGK" is
   * on; the jury part and the total are then computed from it instead of juryAggregate.
   */
  juryAggregateNormalised?: number | null;
  juryPart: number | null;
  /** Raw engagement points before the cap. */
  engagementPoints: number;
  /** Points after the cap. */
  countedPoints: number;
  engagementPart: number;
  /** jury part + engagement part, null when unscored. */
  total: number | null;
  /**
   * Rank among scored clips by the whole tie-break chain (total, jury part, earlier submission; see
   * compareClips): 1 = best, only a tie no rule breaks shares a rank. Null when unscored.
   */
  rank: number | null;
  scored: boolean;
  /**
   * True when the clip reached the jury and engagement stage: passed appraisal and was accepted (on
   * time, or late entries allowed). Its engagement numbers are computed either way (JSON consumers
   * read numbers), but a sheet should show them blank when this is false, as it shows the jury columns.
   */
  reachedEngagement: boolean;
  unscoredReasons: UnscoredReason[];
  /** Vietnamese note: why unscored, or aggregation fallback remarks. */
  note: string;
}

export interface Award {
  prize: string;
  reward: string;
  unit: string;
  clipId: string;
  title: string;
  authors: string;
  total: number;
  /** '' or e.g. "Đồng điểm – BTC quyết định: Đơn vị A, Đơn vị B". */
  note: string;
  /** True when this row belongs to an unresolved tie straddling a prize boundary. */
  tied: boolean;
}

/**
 * A clip whose prize (or lack of one) was decided by a tie-break against clips with the same total,
 * e.g. "Bằng 92,00 điểm với HT-040 (Đoàn phường 1); xếp trên vì điểm BGK cao hơn".
 */
export interface TieBreakNote {
  clipId: string;
  unit: string;
  note: string;
}

export interface AwardList {
  awards: Award[];
  /** Prizes left unawarded because there were fewer eligible units than prizes. */
  unawarded: { prize: string; count: number }[];
  /** Candidates (awarded or not) whose outcome a tie-break decided; their "Kết quả" note says so. */
  tieBreaks: TieBreakNote[];
}

export interface ParticipationRow {
  unit: string;
  submitted: number;
  /** Passed appraisal and accepted (on time unless late entries are allowed). */
  passed: number;
  disqualified: number;
  quotaMet: boolean;
  inRoster: boolean;
}

/** Everything the rules engine needs to compute one contest (already parsed from the sheets). */
export interface ContestInput {
  settings: Settings;
  units: Unit[];
  jurors: Juror[];
  rubric: RubricCriterion[];
  criteria: AppraisalCriterion[];
  submissions: Submission[];
  appraisals: AppraisalInput[];
  juryMarks: JuryMarkRow[];
  engagement: EngagementCount[];
  shareLog: ShareLogEntry[];
  /** Prize tiers; when absent the District 11 defaults (DEFAULT_PRIZE_TIERS in awards.ts) apply. */
  prizeTiers?: PrizeTier[];
}
