// A copy of a contest workbook with a change applied to its sheets: the damaged or edited inputs the CLI tests feed to `npm run score`.
import { join } from 'path';
import { readXlsx, writeXlsx, type SheetData } from '../../tools/xlsx';

/** Reads `source`, applies `change`, writes the result as `dir/name` (zone `timeZone`) and returns its path. */
export async function workbookVariant(source: string, dir: string, name: string, timeZone: string, change: (sheets: SheetData[]) => void): Promise<string> {
  const data = await readXlsx(source, timeZone);
  change(data.sheets);
  const path = join(dir, name);
  await writeXlsx(
    data.sheets.map((s) => ({ name: s.name, values: s.values, frozenRows: s.frozenRows })),
    path,
    timeZone,
  );
  return path;
}
