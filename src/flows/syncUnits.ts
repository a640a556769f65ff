// "Đồng bộ danh sách đơn vị": the form's unit dropdown and each unit's link from "Đơn vị"; also moves the deadline trigger.
import { inspectForm, syncUnitChoices } from '../forms/formBuilder';
import { valueOrStop } from '../sheets/errors';
import { readFormConfig } from '../sheets/formConfig';
import { UNITS, rosterUnits } from '../sheets/units';
import type { MenuAction } from './action';
import type { ActionContext, Summary } from './context';
import { describeDeadlinePlan } from './deadline';
import { scheduleContest } from './jobs';
import { requireFormFor } from './formAccess';
import { refreshUnitLinks } from './unitLinks';

export const SYNC_UNITS_TITLE = 'Đồng bộ danh sách đơn vị';

/** "Đồng bộ danh sách đơn vị": dropdown and per-unit links from "Đơn vị"; also moves the deadline trigger. */
export function syncUnitList(ctx: ActionContext): Summary & { units: number } {
  const ss = ctx.spreadsheet;
  const config = readFormConfig(ss);
  const settings = valueOrStop(config.settings);
  const form = requireFormFor(ctx, config.formId);
  const roster = rosterUnits(ss);
  const { units, notes } = roster;
  const unitItem = inspectForm(ctx.services.formApp, form).items.unit;
  const lines: string[] = [];
  const warnings = [...notes];
  const choices = syncUnitChoices(
    ctx.services.formApp,
    unitItem,
    units.map((u) => u.name),
  );
  if (choices === null) warnings.push('Câu hỏi "Đơn vị" của biểu mẫu là câu trả lời tự do nên không có danh sách để đồng bộ.');
  else lines.push(`Danh sách đơn vị trên biểu mẫu: ${choices} đơn vị.`);
  lines.push(`Đã cập nhật link nộp bài của ${refreshUnitLinks(ctx.services.formApp, form, roster, unitItem).written} đơn vị.`);
  lines.push(describeDeadlinePlan(scheduleContest(ctx, form, settings), settings));
  return { title: SYNC_UNITS_TITLE, lines, warnings, units: units.length };
}

export const syncUnitsAction: MenuAction = { title: SYNC_UNITS_TITLE, writes: [UNITS.name], run: syncUnitList };
