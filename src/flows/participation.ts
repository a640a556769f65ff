// "Báo cáo tham gia": fills "Tham gia" (per unit: submitted, passed, disqualified, quota met).
import { PARTICIPATION, outsideRosterLabel } from '../sheets/participation';
import { assertCanWrite, problemMessages, type ActionContext, type Summary } from './context';
import { computeContest, writeParticipation } from './scores';
import type { MenuAction } from './action';

export const PARTICIPATION_TITLE = 'Báo cáo tham gia';

export function participationReport(ctx: ActionContext): Summary {
  const { read, output } = computeContest(ctx);
  assertCanWrite(ctx, PARTICIPATION_TITLE, [PARTICIPATION.name], read.sheets);
  writeParticipation(read.sheets, output);
  const rows = output.participation;
  const met = rows.filter((r) => r.quotaMet && r.inRoster).length;
  const roster = rows.filter((r) => r.inRoster).length;
  const none = rows.filter((r) => r.inRoster && r.submitted === 0).map((r) => r.unit);
  const short = rows.filter((r) => r.inRoster && r.submitted > 0 && !r.quotaMet).map((r) => r.unit);
  const lines = [
    `${met}/${roster} đơn vị đạt chỉ tiêu (ít nhất ${read.rules.settings.minValidClipsPerUnit} bài hợp lệ); chi tiết ở trang "${PARTICIPATION.name}".`,
  ];
  if (none.length > 0) lines.push(`Chưa nộp bài (${none.length}): ${none.join(', ')}`);
  if (short.length > 0) lines.push(`Đã nộp nhưng chưa đủ bài hợp lệ (${short.length}): ${short.join(', ')}`);
  const outside = rows.filter((r) => !r.inRoster).map((r) => `${outsideRosterLabel(r.unit)}: ${r.submitted} bài`);
  const warnings = outside.length > 0 ? [`Bài của đơn vị không có trong danh sách "Đơn vị" (không tính chỉ tiêu): ${outside.join('; ')}`] : [];
  warnings.push(...problemMessages(read.people.warnings));
  return { title: PARTICIPATION_TITLE, lines, warnings };
}

export const participationAction: MenuAction = { title: PARTICIPATION_TITLE, run: participationReport };
