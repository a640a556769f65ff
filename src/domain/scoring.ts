// Scoring: every submission's jury part, engagement part, total, rank, or the reasons it is not scored.
import { APPRAISAL_LABELS, appraise, criteriaList } from './appraisal';
import { cappedPoints, countedShares, engagementPart, engagementPoints } from './engagement';
import { aggregateJury, expectedJurors, indexTotals, isConflict, markKey, padMarks, rubricMax } from './jury';
import { normaliseJurorTotals, type JurorClipTotal } from './normalise';
import { floorToMinute, idKey } from './parse';
import { compareClips, compareIds, roundScore } from './ranking';
import { matchUnit } from './units';
import type {
  AppraisalInput,
  AppraisalOutcome,
  AppraisalStatus,
  ClipResult,
  ContestInput,
  EngagementCount,
  JuryMarkRow,
  JurorMark,
  Juror,
  Problem,
  Settings,
  ShareLogEntry,
  Submission,
  UnscoredReason,
} from './types';

export type { ContestInput } from './types';

/** Vietnamese wording of each reason a clip is not scored (used in "Ghi chú" of "Kết quả"). */
export const UNSCORED_LABELS: Record<UnscoredReason, string> = {
  late: 'Nộp trễ',
  appraisalPending: 'Chưa thẩm định',
  appraisalFailed: 'Không đạt thẩm định',
  juryIncomplete: 'BGK chưa chấm đủ',
  noJuryMarks: 'Chưa có điểm BGK',
};

/**
 * "Kết quả" note of a clip whose unit is not in the roster: it keeps its score and rank, but awards
 * wait until the organizer corrects "Đơn vị" in "Bài dự thi" (matched against names and aliases).
 */
function unknownUnitNote(unit: string): string {
  if (unit === '') return 'Chưa ghi đơn vị – chưa xét giải; BTC điền cột "Đơn vị" ở trang "Bài dự thi" rồi tính lại';
  return `Đơn vị "${unit}" không có trong danh sách đơn vị – chưa xét giải; BTC sửa cột "Đơn vị" ở trang "Bài dự thi" rồi tính lại`;
}

/** First row per clip ID; later duplicates are ignored so a copied row cannot double a clip's data. */
function firstById<T extends { clipId: string }>(rows: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of rows) if (!map.has(idKey(r.clipId))) map.set(idKey(r.clipId), r);
  return map;
}

/** True when the submission came after the deadline minute (23:59:40 is still 23:59, on time). Unknown time is not late. */
export function isLate(submission: Pick<Submission, 'submittedAt'>, settings: Pick<Settings, 'submissionDeadline'>): boolean {
  if (!submission.submittedAt) return false;
  return floorToMinute(submission.submittedAt.getTime()) > floorToMinute(settings.submissionDeadline.getTime());
}

/** True when the clip is accepted in time: on time, or late entries are allowed. */
export function isAccepted(submission: Pick<Submission, 'submittedAt'>, settings: Settings): boolean {
  return settings.acceptLateEntries || !isLate(submission, settings);
}

/** "Trạng thái" in "Bài dự thi" of a late clip that is not counted because late entries are not accepted. */
export const LATE_EXCLUDED_STATUS = 'Nộp trễ – không tính';

/**
 * What "Trạng thái" in "Bài dự thi" shows: the appraisal result (Chờ thẩm định / Đạt / Không đạt), or
 * LATE_EXCLUDED_STATUS for a late clip while "Nhận bài nộp trễ" is Không — "Đạt" there would tell the
 * organizer it counts. Once late entries are accepted it shows the appraisal result again.
 * `settings` null (unreadable "Cấu hình") shows the appraisal result rather than guess.
 * @example submissionStatus({ submittedAt: after deadline }, 'passed', { acceptLateEntries: false, … }) === 'Nộp trễ – không tính'
 */
export function submissionStatus(submission: Pick<Submission, 'submittedAt'> | null, status: AppraisalStatus, settings: Settings | null): string {
  if (submission && settings && !isAccepted(submission, settings)) return LATE_EXCLUDED_STATUS;
  return APPRAISAL_LABELS[status];
}

/** Every submission's appraisal outcome (no row or nothing ticked → pending), in submission order. */
export function appraiseAll(input: Pick<ContestInput, 'submissions' | 'appraisals' | 'criteria'>): AppraisalOutcome[] {
  const byId = firstById<AppraisalInput>(input.appraisals);
  return input.submissions.map((s) => appraise(byId.get(idKey(s.id)) ?? { clipId: s.id, ticks: {} }, input.criteria));
}

/** Jurors with their unit matched like submissions' units, so an alias still reveals a conflict of interest. */
export function canonicalJurors(jurors: Juror[], units: ContestInput['units']): Juror[] {
  return jurors.map((j) => ({ ...j, unit: j.unit ? (matchUnit(j.unit, units)?.name ?? j.unit) : '' }));
}

function jurorLabel(j: Juror): string {
  return j.name ? `${j.name} (${j.code})` : j.code;
}

/**
 * Results for every submission. A clip is scored only when it was on time (or late entries are
 * allowed), passed appraisal, and every juror without a conflict has fully marked it (or partial
 * marks are allowed and at least one juror has). Unscored clips keep their computed parts for
 * display, carry their reasons and a Vietnamese note, and get no total or rank. A clip whose unit is
 * not in the roster is scored and ranked like any other but has `unitKnown: false` (awards skip it)
 * and a note telling the organizer to fix its unit. Scored clips come
 * first in rank order, then unscored ones by clip ID; the output does not depend on input row order.
 */
export function computeResults(input: ContestInput, outcomes: AppraisalOutcome[] = appraiseAll(input)): ClipResult[] {
  return scoreClips(input, outcomes).results;
}

/**
 * Juror totals that enter "Chuẩn hoá điểm BGK": every complete total an expected juror gave a clip
 * that reached the jury, juror by juror in roster order and clip by clip in ID order, so the
 * normalisation does not depend on row order.
 */
function totalsToNormalise(input: ContestInput, outcomes: AppraisalOutcome[], jurors: Juror[], totals: Map<string, number>): JurorClipTotal[] {
  const clips = input.submissions
    .map((sub, i) => ({ sub, outcome: outcomes[i] }))
    .filter(({ sub, outcome }) => outcome.status === 'passed' && isAccepted(sub, input.settings))
    .map(({ sub }) => ({ clipId: sub.id, unit: matchUnit(sub.unit, input.units)?.name ?? String(sub.unit ?? '').trim() }))
    .sort((a, b) => compareIds(a.clipId, b.clipId));
  const out: JurorClipTotal[] = [];
  for (const j of jurors) {
    for (const c of clips) {
      if (isConflict(j, c.unit)) continue;
      const total = totals.get(markKey(c.clipId, j.code));
      if (total !== undefined) out.push({ clipId: c.clipId, jurorCode: j.code, total });
    }
  }
  return out;
}

/** What every clip's scoring reads, computed once before the per-clip pass. */
interface ScoringContext {
  settings: Settings;
  units: ContestInput['units'];
  max: number;
  totals: Map<string, number>;
  invalidMarks: Map<string, NonNullable<JuryMarkRow['invalid']>>;
  jurors: Juror[];
  engagement: Map<string, EngagementCount>;
  logByClip: Map<string, ShareLogEntry[]>;
  norm: ReturnType<typeof normaliseJurorTotals> | null;
}

/** Unreadable marks per clip and juror (first row wins, as for totals): named in the clip's note. */
function invalidMarksByKey(marks: JuryMarkRow[]): Map<string, NonNullable<JuryMarkRow['invalid']>> {
  const invalidMarks = new Map<string, NonNullable<JuryMarkRow['invalid']>>();
  for (const r of marks) {
    const key = markKey(r.clipId, r.jurorCode);
    if (!invalidMarks.has(key)) invalidMarks.set(key, r.invalid ?? []);
  }
  return invalidMarks;
}

/** The share log grouped by clip once: filtering the whole log for every clip is quadratic. */
function groupLogByClip(shareLog: ShareLogEntry[]): Map<string, ShareLogEntry[]> {
  const logByClip = new Map<string, ShareLogEntry[]>();
  for (const e of shareLog) {
    const key = idKey(e.clipId);
    const list = logByClip.get(key);
    if (list) list.push(e);
    else logByClip.set(key, [e]);
  }
  return logByClip;
}

function prepareScoring(input: ContestInput, outcomes: AppraisalOutcome[]): ScoringContext {
  const { settings, units } = input;
  const max = rubricMax(input.rubric);
  // A row with fewer marks than rubric criteria is not fully marked: pad with blanks.
  const marks = padMarks(input.juryMarks, input.rubric.length);
  const totals = indexTotals(marks);
  const jurors = canonicalJurors(input.jurors, units);
  const norm =
    settings.juryNormalisation === 'perJuror'
      ? normaliseJurorTotals(totalsToNormalise(input, outcomes, jurors, totals), max, (code) => {
          const j = jurors.find((x) => x.code === code);
          return j ? jurorLabel(j) : code;
        })
      : null;
  return {
    settings,
    units,
    max,
    totals,
    invalidMarks: invalidMarksByKey(marks),
    jurors,
    engagement: firstById<EngagementCount>(input.engagement),
    logByClip: groupLogByClip(input.shareLog),
    norm,
  };
}

/** Reasons a clip never reaches the jury (late, appraisal) and the note of an accepted late clip. */
function admissionReasons(sub: Submission, outcome: AppraisalOutcome, settings: Settings): { reasons: UnscoredReason[]; notes: string[] } {
  const notes: string[] = [];
  const reasons: UnscoredReason[] = [];
  const late = isLate(sub, settings);
  if (late && !settings.acceptLateEntries) reasons.push('late');
  else if (late) notes.push('Nộp trễ (BTC cho phép nhận bài trễ)');
  if (outcome.status === 'pending') reasons.push('appraisalPending');
  if (outcome.status === 'failed') reasons.push('appraisalFailed');
  return { reasons, notes };
}

/** One clip's jury side: who should mark it, who did, the aggregates and the note on unreadable marks. */
interface JuryView {
  expected: Juror[];
  jurorTotals: number[];
  agg: ReturnType<typeof aggregateJury>;
  aggN: ReturnType<typeof aggregateJury>;
  juryAggregate: number | null;
  juryPart: number | null;
  missing: Juror[];
  absent: Juror[];
  badNote: string;
  normalisedOf: (j: Juror) => number;
  invalidOf: (j: Juror) => NonNullable<JuryMarkRow['invalid']>;
}

function place(c: { sheet: string; row: number; column: string }): string {
  return `trang "${c.sheet}", dòng ${c.row}, cột "${c.column}"`;
}

function juryView(ctx: ScoringContext, clipId: string, unit: string): JuryView {
  const { settings, totals, norm, max } = ctx;
  const expected = expectedJurors(unit, ctx.jurors);
  const marked = expected.filter((j) => totals.has(markKey(clipId, j.code)));
  const jurorTotals = marked.map((j) => totals.get(markKey(clipId, j.code))!);
  const agg = aggregateJury(jurorTotals, settings.juryAggregation);
  // With "Chuẩn hoá điểm BGK" on, the jury part comes from the normalised totals (the raw aggregate
  // is still shown); a total the normalisation did not see (none expected) stays as marked.
  const normalisedOf = (j: Juror) => norm?.totals.get(markKey(clipId, j.code)) ?? totals.get(markKey(clipId, j.code))!;
  const aggN = norm ? aggregateJury(marked.map(normalisedOf), settings.juryAggregation) : agg;
  // Aggregate, parts and total are kept to millionths (roundScore): no 92.80000000000001 in "Kết quả".
  const juryAggregate = agg.value === null ? null : roundScore(agg.value);
  const juryPart = aggN.value === null || max <= 0 ? null : roundScore((settings.juryWeight * aggN.value) / max);
  const missing = expected.filter((j) => !totals.has(markKey(clipId, j.code)));
  const invalidOf = (j: Juror) => ctx.invalidMarks.get(markKey(clipId, j.code)) ?? [];
  // A juror whose mark is unreadable has marked: the note says which cell to fix, not "missing".
  const badJurors = missing.filter((j) => invalidOf(j).length > 0);
  const badNote =
    badJurors.length > 0 ? `Điểm BGK không hợp lệ: ${badJurors.map((j) => `${jurorLabel(j)} – ${invalidOf(j).map(place).join('; ')}`).join('; ')}` : '';
  const absent = missing.filter((j) => invalidOf(j).length === 0);
  return { expected, jurorTotals, agg, aggN, juryAggregate, juryPart, missing, absent, badNote, normalisedOf, invalidOf };
}

/** One clip's engagement side: counted shares, reactions, points and the engagement part. */
function engagementView(ctx: ScoringContext, clipId: string) {
  const { settings } = ctx;
  const eng = ctx.engagement.get(idKey(clipId));
  const shares = countedShares(clipId, eng?.shares ?? 0, ctx.logByClip.get(idKey(clipId)) ?? [], settings);
  const reactions = Math.max(0, eng?.reactions ?? 0);
  // Fractional point values (0,1 per reaction) would otherwise show noise in "Điểm tương tác" too.
  const points = roundScore(engagementPoints(shares.shares, reactions, settings));
  const ePart = roundScore(engagementPart(points, settings));
  return { shares, reactions, points, ePart };
}

/** The "Ghi chú" wording of one reason a clip is not scored. */
function reasonNote(r: UnscoredReason, outcome: AppraisalOutcome, jury: JuryView, jurorCount: number): string {
  switch (r) {
    case 'appraisalFailed':
      // "Không đạt thẩm định: <criteria>": the appraisal sheet's "Lý do" holds only the criteria.
      return outcome.missing.length > 0 ? `${UNSCORED_LABELS.appraisalFailed}: ${criteriaList(outcome.missing)}` : UNSCORED_LABELS.appraisalFailed;
    case 'juryIncomplete':
      return [jury.absent.length > 0 ? `${UNSCORED_LABELS.juryIncomplete}: thiếu điểm của ${jury.absent.map(jurorLabel).join(', ')}` : '', jury.badNote]
        .filter((x) => x !== '')
        .join('. ');
    case 'noJuryMarks':
      if (jury.badNote !== '') return jury.badNote;
      return jury.expected.length === 0 && jurorCount > 0
        ? 'Không có giám khảo nào được chấm bài này (tất cả cùng đơn vị với bài)'
        : UNSCORED_LABELS.noJuryMarks;
    default:
      return UNSCORED_LABELS[r];
  }
}

/** Each expected juror's mark of one clip: its total (and normalised total), or why there is none. */
function jurorMarksOf(ctx: ScoringContext, clipId: string, jury: JuryView): JurorMark[] {
  return jury.expected.map((j): JurorMark => {
    const total = ctx.totals.get(markKey(clipId, j.code)) ?? null;
    const status = total !== null ? 'marked' : jury.invalidOf(j).length > 0 ? 'invalid' : 'missing';
    const mark: JurorMark = { jurorCode: j.code, name: j.name, total, status };
    if (ctx.norm && total !== null) mark.normalisedTotal = roundScore(jury.normalisedOf(j));
    return mark;
  });
}

function scoreClip(ctx: ScoringContext, sub: Submission, outcome: AppraisalOutcome): ClipResult {
  const { settings, norm } = ctx;
  const matched = matchUnit(sub.unit, ctx.units);
  const unit = matched ? matched.name : String(sub.unit ?? '').trim();
  const { reasons, notes } = admissionReasons(sub, outcome, settings);
  // A clip excluded as late, failed or not yet appraised never goes to the jury: saying it has no
  // jury marks as well would only repeat that ("Nộp trễ. Chưa có điểm BGK.").
  const sentToJury = reasons.length === 0;
  const jury = juryView(ctx, sub.id, unit);
  const { expected, jurorTotals, agg, aggN, juryPart, missing, badNote } = jury;
  if (sentToJury && (expected.length === 0 || jurorTotals.length === 0)) reasons.push('noJuryMarks');
  else if (sentToJury && missing.length > 0 && !settings.allowPartialJuryMarks) reasons.push('juryIncomplete');
  const { shares, reactions, points, ePart } = engagementView(ctx, sub.id);

  const scored = reasons.length === 0;
  const allNotes = [...reasons.map((r) => reasonNote(r, outcome, jury, ctx.jurors.length)), ...notes];
  if (agg.note && sentToJury) allNotes.push(agg.note.replace(/\.$/, ''));
  if (scored && missing.length > 0) {
    allNotes.push(`Tính với ${jurorTotals.length}/${expected.length} giám khảo đã chấm`);
    if (badNote !== '') allNotes.push(badNote);
  }
  if (!matched) allNotes.push(unknownUnitNote(unit));
  if (shares.fromLog) allNotes.push(`Lượt chia sẻ tính theo Nhật ký chia sẻ: ${shares.shares}`);

  return {
    clipId: sub.id,
    unit,
    unitKnown: matched !== null,
    title: sub.title,
    authors: sub.authors,
    submittedAt: sub.submittedAt,
    juryAggregate: jury.juryAggregate,
    ...(norm ? { juryAggregateNormalised: aggN.value === null ? null : roundScore(aggN.value) } : {}),
    juryPart,
    engagementPoints: points,
    countedPoints: cappedPoints(points, settings),
    engagementPart: ePart,
    total: scored && juryPart !== null ? roundScore(juryPart + ePart) : null,
    rank: null,
    scored,
    reachedEngagement: sentToJury,
    unscoredReasons: reasons,
    note: allNotes.join('. ') + (allNotes.length > 0 ? '.' : ''),
    countedShares: shares.shares,
    sharesFromLog: shares.fromLog,
    reactions,
    juryMarkCount: jurorTotals.length,
    juryExpected: expected.length,
    jurorMarks: jurorMarksOf(ctx, sub.id, jury),
  };
}

/**
 * Sorted once by the whole tie-break chain; the rank follows that order (issue 13): a clip placed
 * above another by its jury part or its earlier submission must not show the same "Hạng". Only a
 * tie no rule breaks (compareClips === 0) shares a rank, and the next rank skips (1, 2, 2, 4).
 */
function sortResults(results: ClipResult[]): void {
  results.sort((a, b) => {
    if (a.scored !== b.scored) return a.scored ? -1 : 1;
    if (a.scored) {
      const c = compareClips(a, b);
      if (c !== 0) return c;
    }
    return compareIds(a.clipId, b.clipId);
  });
}

/** computeResults plus the problems scoring itself found (jurors "Chuẩn hoá điểm BGK" left as marked). */
export function scoreClips(input: ContestInput, outcomes: AppraisalOutcome[] = appraiseAll(input)): { results: ClipResult[]; problems: Problem[] } {
  const ctx = prepareScoring(input, outcomes);
  const results: ClipResult[] = input.submissions.map((sub, i) => scoreClip(ctx, sub, outcomes[i]));
  sortResults(results);
  assignRanks(results);
  return { results, problems: ctx.norm?.problems ?? [] };
}

/**
 * Competition ranks ("1, 2, 2, 4") over clips already sorted best first: a scored clip shares the rank
 * of the one before it only when compareClips finds no rule between them. Unscored clips keep null.
 * @example totals 92 (jury 36), 92 (jury 34), 90 → ranks 1, 2, 3; two fully tied clips then one lower → 1, 1, 3
 */
export function assignRanks(sorted: ClipResult[]): void {
  let previous: ClipResult | null = null;
  sorted.forEach((r, i) => {
    if (!r.scored) return;
    r.rank = previous !== null && compareClips(previous, r) === 0 ? previous.rank : i + 1;
    previous = r;
  });
}
