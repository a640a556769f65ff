// The Apps Script services one emulator exposes (what installGlobals defines), each a counting proxy.
import type { Emulator } from './api';
import { expose } from './calls';
import { ChartsImpl } from '../charts/charts';
import { DriveAppImpl, type DriveStore } from '../drive/driveApp';
import type { FormAppImpl } from '../forms/formApp';
import { HtmlServiceImpl } from '../html/htmlService';
import { LockServiceImpl } from '../lock/lockService';
import { MailAppImpl } from '../mail/mailApp';
import { PropertiesServiceImpl } from '../properties/propertiesService';
import { ScriptAppImpl } from '../script/scriptApp';
import { SessionImpl } from '../base/session';
import { SlidesAdvancedImpl, SlidesAppImpl } from '../slides/slidesApp';
import { UtilitiesImpl } from '../utilities/utilities';
import type { World } from './world';

export type Services = Pick<
  Emulator,
  | 'SpreadsheetApp'
  | 'FormApp'
  | 'Session'
  | 'PropertiesService'
  | 'LockService'
  | 'ScriptApp'
  | 'HtmlService'
  | 'Utilities'
  | 'MailApp'
  | 'Logger'
  | 'UrlFetchApp'
  | 'DriveApp'
  | 'SlidesApp'
  | 'Slides'
  | 'Charts'
>;

export function createServices(world: World, formApp: FormAppImpl, driveStore: DriveStore): Services {
  const { ctr, env } = world;
  return {
    SpreadsheetApp: expose<GoogleAppsScript.Spreadsheet.SpreadsheetApp>(world.ssApp),
    FormApp: expose<GoogleAppsScript.Forms.FormApp>(formApp),
    Session: expose<GoogleAppsScript.Base.Session>(new SessionImpl(ctr, env)),
    PropertiesService: expose<GoogleAppsScript.Properties.PropertiesService>(new PropertiesServiceImpl(ctr, env)),
    LockService: expose<GoogleAppsScript.Lock.LockService>(new LockServiceImpl(ctr, world.locks, env)),
    ScriptApp: expose<GoogleAppsScript.Script.ScriptApp>(new ScriptAppImpl(ctr, env, world.triggers)),
    HtmlService: expose<GoogleAppsScript.HTML.HtmlService>(new HtmlServiceImpl(ctr, world.htmlFiles)),
    Utilities: expose<GoogleAppsScript.Utilities.Utilities>(new UtilitiesImpl(ctr, env)),
    MailApp: expose<GoogleAppsScript.Mail.MailApp>(new MailAppImpl(ctr, world.outbox, world.options.mailQuota ?? 100)),
    Logger: expose<GoogleAppsScript.Base.Logger>(world.logger),
    UrlFetchApp: expose<GoogleAppsScript.URL_Fetch.UrlFetchApp>(world.urlFetch),
    DriveApp: expose<GoogleAppsScript.Drive.DriveApp>(new DriveAppImpl(ctr, driveStore)),
    SlidesApp: expose<GoogleAppsScript.Slides.SlidesApp>(new SlidesAppImpl(ctr, driveStore)),
    Slides: expose<GoogleAppsScript.Slides>(new SlidesAdvancedImpl(ctr, driveStore)),
    Charts: expose<GoogleAppsScript.Charts.Charts>(new ChartsImpl(ctr)),
  };
}
