// docs/workbook.md is the organizers' contract; these checks keep it equal to what setup builds and the menu shows.
import { readFileSync } from 'fs';
import { join } from 'path';
import { DEFAULT_APPRAISAL_CRITERIA } from '../../src/domain/appraisal';
import { DEFAULT_RUBRIC } from '../../src/domain/jury';
import { SETTING_DEFINITIONS } from '../../src/domain/settings';
import { appraisalSchema } from '../../src/sheets/appraisal';
import { AUDIT_LOG } from '../../src/sheets/auditLog';
import { CERTIFICATE_MAIL } from '../../src/sheets/certificateMail';
import { JURY_PROGRESS } from '../../src/sheets/juryProgress';
import { juryTabSchema } from '../../src/sheets/juryTab';
import type { SheetSchema } from '../../src/sheets/schema';
import { SHEET_ORDER } from '../../src/sheets/workbook';
import { CONFIG } from '../../src/sheets/config';
import { APPRAISAL_CRITERIA } from '../../src/sheets/appraisalCriteria';
import { RUBRIC } from '../../src/sheets/rubric';
import { PRIZE_TIERS } from '../../src/sheets/prizeTiers';
import { UNITS } from '../../src/sheets/units';
import { JURORS } from '../../src/sheets/jurors';
import { SUBMISSIONS } from '../../src/sheets/submissions';
import { ENGAGEMENT } from '../../src/sheets/engagement';
import { SHARE_LOG } from '../../src/sheets/shareLog';
import { RESULTS } from '../../src/sheets/results';
import { AWARDS } from '../../src/sheets/awards';
import { PARTICIPATION } from '../../src/sheets/participation';
import { MENU_ENTRIES } from '../../src/ui/menu';

const doc = readFileSync(join(__dirname, '../../docs/workbook.md'), 'utf8');

/** The lines of one "## " section of the page. */
function section(title: string): string[] {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`docs/workbook.md has no section "${title}"`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end).split('\n');
}

/** How the page writes a schema's row 1: optional headers in brackets. */
function headerLine(schema: SheetSchema<string>): string {
  return schema.columns.map((c) => (c.required === false ? `(${c.header})` : c.header)).join(' | ');
}

/** "- <sheet>: `A | B`" lines of "Exact headers", by sheet name. */
function documentedHeaders(): Map<string, string> {
  const lines = section('Exact headers').filter((l) => l.startsWith('- ') && l.includes(': `'));
  return new Map(lines.map((l) => [l.slice(2, l.indexOf(': `')).replace('&lt;', '<').replace('&gt;', '>'), l.slice(l.indexOf('`') + 1, l.lastIndexOf('`'))]));
}

/** The cells of the first table in a section, without its header and separator rows. */
function firstTable(title: string): string[][] {
  const lines = section(title);
  const start = lines.findIndex((l) => l.startsWith('|'));
  const end = lines.findIndex((l, i) => i > start && !l.startsWith('|'));
  return lines.slice(start + 2, end < 0 ? undefined : end).map((r) =>
    r
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim()),
  );
}

const FIXED = [
  CONFIG,
  APPRAISAL_CRITERIA,
  RUBRIC,
  PRIZE_TIERS,
  UNITS,
  JURORS,
  SUBMISSIONS,
  ENGAGEMENT,
  SHARE_LOG,
  RESULTS,
  AWARDS,
  PARTICIPATION,
  JURY_PROGRESS,
  AUDIT_LOG,
  CERTIFICATE_MAIL,
];

test('every fixed sheet is documented with its exact row 1, optional headers marked', () => {
  const documented = documentedHeaders();
  for (const schema of FIXED) expect([schema.name, documented.get(schema.name)]).toEqual([schema.name, headerLine(schema)]);
});

test('"Thẩm định" and a jury tab are documented with their default criteria and rubric', () => {
  const documented = documentedHeaders();
  const appraisal = headerLine(appraisalSchema(DEFAULT_APPRAISAL_CRITERIA));
  const codes = DEFAULT_APPRAISAL_CRITERIA.map((c) => c.code).join(' | ');
  expect(documented.get('Thẩm định')).toBe(appraisal.replace(codes, `${DEFAULT_APPRAISAL_CRITERIA[0].code} … ${DEFAULT_APPRAISAL_CRITERIA.at(-1)!.code}`));
  expect(documented.get('BGK - <Họ tên>')).toBe(headerLine(juryTabSchema({ name: 'Họ tên' }, DEFAULT_RUBRIC)));
});

test('the sheets table lists the sheets in the order setup creates them', () => {
  expect(firstTable('Sheets, in the order setup creates them').map((r) => r[0])).toEqual([...SHEET_ORDER]);
});

test('the settings table lists every setting in sheet order with its default', () => {
  expect(firstTable('Settings ("Cấu hình")')).toEqual(SETTING_DEFINITIONS.map((d) => [d.label, d.defaultText]));
});

test('the menu list is the add-on menu, in order', () => {
  const items = section('Menu "Hội thi" (Extensions → Hội thi)')
    .filter((l) => /^\d+\. /.test(l))
    .map((l) => l.replace(/^\d+\. /, ''));
  expect(items).toEqual(MENU_ENTRIES.filter((e) => e !== null).map((e) => e.label));
});
