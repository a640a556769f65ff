// The .xlsx bridge used by `npm start` and `npm run score`: read/write files, load/save a Spreadsheet.
export { readXlsx, type GridValue, type SheetData, type WorkbookData } from './read';
export { writeXlsx, type SheetOut } from './write';
export { imageSize, type SheetImage } from './images';
export { loadWorkbookIntoEmulator, saveEmulatorToXlsx, timeZoneFromSettings, type LoadOptions, type LoadReport, type SaveOptions } from './bridge';
export { xlsxWallToInstant, instantToXlsxWall } from './zone';
