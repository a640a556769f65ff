// The .xlsx bridge used by `npm start` and `npm run score`: read/write files, load/save a Spreadsheet.
export { readXlsx, type GridValue, type SheetData, type WorkbookData } from './read';
export { writeXlsx, imageSize, DATE_FORMAT, type SheetOut, type SheetImage } from './write';
export {
  loadWorkbookIntoEmulator,
  saveEmulatorToXlsx,
  sheetOut,
  keepAsText,
  timeZoneFromSettings,
  DEFAULT_XLSX_TIME_ZONE,
  type LoadOptions,
  type LoadReport,
  type SaveOptions,
} from './bridge';
export { xlsxWallToInstant, instantToXlsxWall, isKnownTimeZone } from './zone';
export { toXlsxRule, fromXlsxRule, rectangles, CHECKBOX_LIST, CHECKBOX_RULE, type RangeValidation } from './validation';
