// The options these tests run the emulator with: a Vietnamese spreadsheet owned by one organizer.
import type { EmulatorOptions } from '../src';

export const VN: EmulatorOptions = {
  owner: 'btc@quandoan11.vn',
  timeZone: 'Asia/Ho_Chi_Minh',
  locale: 'vi_VN',
  spreadsheetName: 'Hội thi',
  addonName: 'Hội thi',
};
