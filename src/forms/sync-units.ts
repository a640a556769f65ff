// "Đồng bộ danh sách đơn vị": the form's unit dropdown and each unit's link from "Đơn vị"; also moves the deadline trigger.
import { valueOrStop } from '../sheets/errors';
import { describeDeadlinePlan, scheduleDeadline } from './deadline';
import { inspectForm, syncUnitChoices } from './form-builder';
import { logFormAction, type FormActionSummary, type FormDeps } from './form-deps';
import { readFormConfig, requireContestForm } from './recorded-form';
import { refreshUnitLinks, rosterUnits } from './unit-links';

/** "Đồng bộ danh sách đơn vị": dropdown and per-unit links from "Đơn vị"; also moves the deadline trigger. */
export function syncUnitList(deps: FormDeps): FormActionSummary & { units: number } {
  const ss = deps.spreadsheet;
  const config = readFormConfig(ss);
  const settings = valueOrStop(config.settings);
  const form = requireContestForm(deps, config.formId);
  const roster = rosterUnits(ss);
  const { units, notes } = roster;
  const unitItem = inspectForm(deps.formApp, form).items.unit;
  const lines: string[] = [];
  const warnings = [...notes];
  const choices = syncUnitChoices(deps.formApp, unitItem, units.map((u) => u.name));
  if (choices === null) warnings.push('Câu hỏi "Đơn vị" của biểu mẫu là câu trả lời tự do nên không có danh sách để đồng bộ.');
  else lines.push(`Danh sách đơn vị trên biểu mẫu: ${choices} đơn vị.`);
  lines.push(`Đã cập nhật link nộp bài của ${refreshUnitLinks(deps, form, roster, unitItem).written} đơn vị.`);
  lines.push(describeDeadlinePlan(scheduleDeadline(deps, form, settings), settings));
  logFormAction(deps, 'Đồng bộ danh sách đơn vị', { lines, warnings });
  return { lines, warnings, units: units.length };
}
