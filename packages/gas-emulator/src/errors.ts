// Error texts copied from Google's services, so tests can match what users and logs would see.

export const PROTECTED_EDIT =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const OUT_OF_SHEET = 'The coordinates of the range are outside the dimensions of the sheet.';
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';
export const REMOVE_ALL_SHEETS = "You can't remove all the sheets in a document.";
export const HIDE_ALL_SHEETS = "You can't hide all the sheets in a document.";
export const DELETE_ALL_ROWS = 'Sorry, it is not possible to delete all non-frozen rows.';
export const TOO_MANY_TRIGGERS = 'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const DELETE_ALL_COLUMNS = 'Sorry, it is not possible to delete all non-frozen columns.';

export function dataRowsMismatch(dataRows: number, rangeRows: number): string {
  return `The number of rows in the data does not match the number of rows in the range. The data has ${dataRows} but the range has ${rangeRows}.`;
}
export function dataColumnsMismatch(dataCols: number, rangeCols: number): string {
  return `The number of columns in the data does not match the number of columns in the range. The data has ${dataCols} but the range has ${rangeCols}.`;
}
export function duplicateSheetName(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}
