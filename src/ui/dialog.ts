// Self-contained HTML for the summary and error dialogs; a flow's Summary or a caught error becomes one.
import { escapeHtml } from '../domain/html';
import type { Summary } from '../flows/context';
import { isContestError, namesCells } from '../sheets/errors';
import { MSG } from './messages';
import { outline } from '../flows/outline';

const STYLE = `body{font-family:Roboto,Arial,sans-serif;font-size:14px;color:#202124;margin:0;padding:4px 8px}
h2{font-size:16px;margin:8px 0}ul{padding-left:20px;margin:4px 0}li{margin:2px 0}li.sub{list-style:none}li.sub>ul{margin:0}
.warn{color:#b06000}.err{color:#c5221f}button{margin-top:12px;padding:6px 16px}`;

function page(body: string): string {
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><base target="_top"><style>${STYLE}</style></head><body>${body}` +
    `<button onclick="google.script.host.close()">${escapeHtml(MSG.close)}</button></body></html>`
  );
}

/**
 * Summary lines as a list, one level nested (src/ui/outline.ts: a line indented by two spaces belongs
 * to the line above). The children's <ul> sits in a bullet-less <li class="sub"> right after its
 * parent rather than inside the parent's <li>: valid HTML, shown indented under the parent, and every
 * line stays a plain `<li>text</li>` for readers that list them (tools/demoSteps.ts).
 */
function list(lines: string[], cls = ''): string {
  const items = outline(lines);
  if (items.length === 0) return '';
  const li = (text: string) => `<li>${escapeHtml(text)}</li>`;
  const body = items.map((it) => li(it.text) + (it.children.length > 0 ? `<li class="sub"><ul>${it.children.map(li).join('')}</ul></li>` : '')).join('');
  return `<ul${cls ? ` class="${cls}"` : ''}>${body}</ul>`;
}

/** The dialog after an action: what was done, then the warnings (each naming sheet/row/column). */
export function summaryHtml(summary: Summary): string {
  // The count is of warnings, not of their child lines.
  const count = outline(summary.warnings).length;
  const warnings = count > 0 ? `<h2 class="warn">${escapeHtml(MSG.warningsHeading)} (${count})</h2>${list(summary.warnings, 'warn')}` : '';
  return page(`${list(summary.lines)}${warnings}`);
}

/** Google's English error when a script writes into a protected cell as someone not allowed to. */
const GOOGLE_PROTECTED_EDIT = /trying to edit a protected cell or object/i;

/** Vietnamese text for an error thrown by Google or the runtime (protection errors get their own sentence). */
export function errorText(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return GOOGLE_PROTECTED_EDIT.test(detail) ? MSG.protectedEdit : MSG.unexpectedError(detail);
}

/**
 * The dialog when an action stops: problems as a list naming sheet, row and column. Anything that
 * is not a ContestError shows its message only — never a stack trace.
 */
export function errorSummary(title: string, error: unknown): Summary {
  if (isContestError(error)) {
    // A refusal for lack of access has no cells to fix: the "fix the cells" outro would mislead.
    const access = error.problems.every((p) => p.code === 'access.protected');
    return {
      title: `${title}: ${MSG.errorTitle}`,
      lines: [MSG.errorIntro],
      warnings: [...error.problems.map((p) => p.message), ...(access ? [] : [namesCells(error.problems) ? MSG.errorOutro : MSG.errorOutroNoCell])],
    };
  }
  return { title: `${title}: ${MSG.errorTitle}`, lines: [errorText(error)], warnings: [] };
}

/** Shows a summary as a modal dialog through `ui` (SpreadsheetApp.getUi()). */
export function showSummary(ui: GoogleAppsScript.Base.Ui, html: GoogleAppsScript.HTML.HtmlService, summary: Summary): void {
  // Every line, child lines included, takes a row of the dialog.
  const height = Math.min(560, 140 + 22 * (summary.lines.length + summary.warnings.length));
  const output = html.createHtmlOutput(summaryHtml(summary)).setWidth(560).setHeight(height);
  ui.showModalDialog(output, summary.title);
}
