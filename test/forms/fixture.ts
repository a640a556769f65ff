// A contest workbook in the emulator with a roster and the form set up, wired the way src/main.ts wires the form entry points.
import { type Emulator, type EmulatorOptions } from '../../packages/gas-emulator/src';
import { contestTriggerHandlers, contextOf, createContestEmulator } from '../sample/emulator';
import type { ActionContext } from '../../src/flows/context';
import { createOrLinkForm } from '../../src/flows/createForm';
import { setupContest } from '../../src/flows/setup';

export const ROSTER: [string, string, string, string][] = [
  ['P1', 'Đoàn Phường 1', 'P1; Phường Một', 'p1@quandoan11.vn'],
  ['P2', 'Đoàn Phường 2', 'P2', 'p2@quandoan11.vn'],
  ['P3', 'Đoàn Phường 3', '', ''],
  ['THPT', 'Chi đoàn Trường THPT Nguyễn Hiền', 'THPT Nguyễn Hiền', ''],
];

/** 01/06/2023 09:00 in Hồ Chí Minh: before the default deadline 10/06/2023 23:59. */
export const JUNE_1 = new Date('2023-06-01T09:00:00+07:00');

export interface Contest {
  emu: Emulator;
  /** The organizer's action context (one execution). */
  ctx: ActionContext;
  form: GoogleAppsScript.Forms.Form;
  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet;
  /** Data rows of a sheet (row 2 on) as getValues returns them. */
  rows(name: string): unknown[][];
  /** Column values by header text. */
  column(name: string, header: string): unknown[];
}

/** The context of one trigger or menu execution by the current user, as src/main.ts builds it. */
export function contextFor(emu: Emulator): ActionContext {
  return contextOf(emu);
}

/** Sets up the workbook, types the roster, and creates the form (unless `withForm` is false). */
export function makeContest(options: EmulatorOptions & { withForm?: boolean; roster?: typeof ROSTER } = {}): Contest {
  const emu = createContestEmulator(options);
  emu.setNow(JUNE_1);
  setupContest(contextFor(emu));
  const roster = options.roster ?? ROSTER;
  if (roster.length > 0) emu.spreadsheet.getSheetByName('Đơn vị')!.getRange(2, 1, roster.length, 4).setValues(roster);
  const ctx = contextFor(emu);
  // Each trigger execution gets fresh handles, as a new Apps Script execution would.
  emu.setHandlers(contestTriggerHandlers(emu));
  const form = options.withForm === false ? (null as unknown as GoogleAppsScript.Forms.Form) : createOrLinkForm(ctx).form;
  const sheet = (name: string) => {
    const s = emu.spreadsheet.getSheetByName(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const rows = (name: string) => sheet(name).getDataRange().getValues().slice(1);
  const column = (name: string, header: string) => {
    const values = sheet(name).getDataRange().getValues();
    const i = values[0].indexOf(header);
    if (i < 0) throw new Error(`no column ${header} in ${name}`);
    return values.slice(1).map((r) => r[i]);
  };
  return { emu, ctx, form, sheet, rows, column };
}

/** A complete, valid answer set keyed by our question titles. */
export function answers(over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    'Đơn vị': 'Đoàn Phường 1',
    'Hình thức tham gia': 'Cá nhân',
    'Tác giả': 'Nguyễn Văn A',
    'Tên tác phẩm': 'Tuổi trẻ Quận 11',
    'Link video': 'https://youtu.be/clip001',
    'Thời lượng': '4:30',
    'Người liên hệ': 'Nguyễn Văn A',
    'Số điện thoại': '0901 234 567',
    Email: 'a@example.com',
    'Cam kết': [
      'Tôi/chúng tôi cam kết tác phẩm là sáng tác mới, không sao chép, chưa đăng trên phương tiện thông tin đại chúng nào, và đồng ý để Ban tổ chức toàn quyền sử dụng tác phẩm cho mục đích tuyên truyền.',
    ],
    ...over,
  };
}
