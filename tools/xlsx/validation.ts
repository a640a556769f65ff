// Data validation between Apps Script rules and .xlsx (exceljs) rules: checkboxes, dropdown lists and number ranges.
//
// Excel has no checkbox: a checkbox becomes a TRUE/FALSE list, and such a list reads back as a
// checkbox, so a workbook that goes emulator → .xlsx → emulator keeps its ticks. Rules .xlsx cannot
// express (URL, date, custom formula, a list drawn from a range) are left out rather than approximated.
import type ExcelJS from 'exceljs';

type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

/** One rule over a rectangle of cells (1-based, like Apps Script ranges). */
export interface RangeValidation {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  rule: ExcelJS.DataValidation;
}

/** The list formula of a checkbox (Sheets' own .xlsx export uses the same words). */
const CHECKBOX_LIST = '"TRUE,FALSE"';

/** A checkbox as .xlsx can have it: a TRUE/FALSE list that refuses anything else (blank = unticked). */
function checkboxRule(formula: string): ExcelJS.DataValidation {
  return { type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'stop' };
}

export const CHECKBOX_RULE = checkboxRule(CHECKBOX_LIST);

/** An exceljs worksheet's validations: the model exceljs keeps by cell address (not in its typings). */
export function worksheetValidations(ws: ExcelJS.Worksheet): {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(address: string, v: ExcelJS.DataValidation): void;
} {
  // exceljs 4 has `worksheet.dataValidations` at runtime; its index.d.ts leaves it commented out.
  return (ws as unknown as { dataValidations: ReturnType<typeof worksheetValidations> }).dataValidations;
}

const NUMBER_OPERATORS: Record<string, ExcelJS.DataValidationOperator> = {
  NUMBER_BETWEEN: 'between',
  NUMBER_NOT_BETWEEN: 'notBetween',
  NUMBER_EQUAL_TO: 'equal',
  NUMBER_NOT_EQUAL_TO: 'notEqual',
  NUMBER_GREATER_THAN: 'greaterThan',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'greaterThanOrEqual',
  NUMBER_LESS_THAN: 'lessThan',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'lessThanOrEqual',
};

/** A list Excel can hold inline: no commas or quotes in the items, at most 255 characters in all. */
function inlineList(values: unknown[]): string | null {
  const items = values.map((v) => String(v));
  if (items.length === 0 || items.some((v) => v.includes(',') || v.includes('"'))) return null;
  const formula = `"${items.join(',')}"`;
  return formula.length - 2 <= 255 ? formula : null;
}

/**
 * The .xlsx form of an Apps Script rule, or null when .xlsx has none. A rule that rejects bad input
 * stops it in Excel too ("stop"); one that allows it only warns ("warning"), as Sheets does.
 */
export function toXlsxRule(rule: Rule | null): ExcelJS.DataValidation | null {
  if (!rule) return null;
  const type = String(rule.getCriteriaType());
  const args = rule.getCriteriaValues();
  const onError = (): Partial<ExcelJS.DataValidation> => ({
    showErrorMessage: true,
    errorStyle: rule.getAllowInvalid() ? 'warning' : 'stop',
    ...(rule.getHelpText() ? { error: rule.getHelpText() } : {}),
  });
  if (type === 'CHECKBOX') {
    const formula = args.length === 0 ? CHECKBOX_LIST : inlineList(args);
    return formula ? checkboxRule(formula) : null;
  }
  if (type === 'VALUE_IN_LIST') {
    const formula = inlineList(Array.isArray(args[0]) ? (args[0] as unknown[]) : []);
    return formula ? { type: 'list', allowBlank: true, formulae: [formula], ...onError() } : null;
  }
  const operator = NUMBER_OPERATORS[type];
  if (operator && args.every((a) => typeof a === 'number')) {
    return { type: 'decimal', operator, allowBlank: true, formulae: [...args], ...onError() };
  }
  return null;
}

/** Items of an inline list formula ('"Đạt,Không đạt"' → ['Đạt', 'Không đạt']), or null for a range reference. */
function listItems(formula: unknown): string[] | null {
  const f = String(formula ?? '');
  if (!(f.startsWith('"') && f.endsWith('"') && f.length >= 2)) return null;
  return f.slice(1, -1).split(',');
}

/** The Apps Script rule for an .xlsx rule, or null when there is no equivalent worth keeping. */
export function fromXlsxRule(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, v: ExcelJS.DataValidation): Rule | null {
  const builder = app.newDataValidation();
  const allowInvalid = v.showErrorMessage !== true || (v.errorStyle !== undefined && v.errorStyle !== 'stop');
  if (v.type === 'list') {
    const items = listItems(v.formulae?.[0]);
    if (!items) return null;
    if (items.length === 2 && items[0].toUpperCase() === 'TRUE' && items[1].toUpperCase() === 'FALSE') return builder.requireCheckbox().build();
    builder.requireValueInList(items, true);
  } else if (v.type === 'decimal' || v.type === 'whole') {
    const [a, b] = (v.formulae ?? []).map(Number);
    if (!Number.isFinite(a)) return null;
    const op = v.operator ?? 'between';
    if ((op === 'between' || op === 'notBetween') && !Number.isFinite(b)) return null;
    switch (op) {
      case 'between':
        builder.requireNumberBetween(a, b);
        break;
      case 'notBetween':
        builder.requireNumberNotBetween(a, b);
        break;
      case 'equal':
        builder.requireNumberEqualTo(a);
        break;
      case 'notEqual':
        builder.requireNumberNotEqualTo(a);
        break;
      case 'greaterThan':
        builder.requireNumberGreaterThan(a);
        break;
      case 'greaterThanOrEqual':
        builder.requireNumberGreaterThanOrEqualTo(a);
        break;
      case 'lessThan':
        builder.requireNumberLessThan(a);
        break;
      case 'lessThanOrEqual':
        builder.requireNumberLessThanOrEqualTo(a);
        break;
      default:
        return null;
    }
  } else {
    return null;
  }
  if (v.error) builder.setHelpText(v.error);
  return builder.setAllowInvalid(allowInvalid).build();
}

/**
 * Cells sharing a rule gathered into rectangles: runs down each column, then side-by-side runs with
 * the same rows (the ten "TT" checkbox columns) joined. `at(r, c)` is 0-based; rectangles are 1-based.
 */
export function rectangles(
  numRows: number,
  numColumns: number,
  at: (r: number, c: number) => ExcelJS.DataValidation | null | undefined,
  firstRow = 1,
): RangeValidation[] {
  const out: RangeValidation[] = [];
  const open = new Map<string, RangeValidation>();
  for (let c = 0; c < numColumns; c++) {
    let r = 0;
    while (r < numRows) {
      const rule = at(r, c);
      if (!rule) {
        r++;
        continue;
      }
      const key = JSON.stringify(rule);
      let end = r + 1;
      while (end < numRows && JSON.stringify(at(end, c) ?? null) === key) end++;
      const id = `${r}:${end}:${key}`;
      const left = open.get(id);
      if (left && left.column + left.numColumns === c + 1) {
        left.numColumns++;
      } else {
        const rect = { row: r + firstRow, column: c + 1, numRows: end - r, numColumns: 1, rule };
        out.push(rect);
        open.set(id, rect);
      }
      r = end;
    }
  }
  return out;
}
