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

// ---- Access (sharing). Google does not document these texts; they are the ones Apps Script users report. ----
/** Opening a file the user may not see (SpreadsheetApp.openById/openByUrl). */
export const NO_ACCESS_DOCUMENT = 'You do not have permission to access the requested document.';
/** Writing to a spreadsheet the user can only view or comment on. */
export const NO_PERMISSION_ACTION = 'You do not have permission to perform that action.';

// ---- Editor add-on rules (documented at developers.google.com/workspace/add-ons/concepts/editor-triggers). ----
// Google documents the rules, not the exception texts: these are the emulator's wording, prefixed "Add-on:".
export const ADDON_CREATE_MENU = 'Add-on: an editor add-on builds its menu with Ui.createAddonMenu(); Ui.createMenu() is for bound scripts.';
export const ADDON_OTHER_FILE = 'Add-on: add-ons can only create triggers for the file in which the add-on is used.';
export const ADDON_FORM_TRIGGER =
  'Add-on: add-ons can only create triggers for the file in which the add-on is used; a spreadsheet add-on cannot put a trigger on a form.';
export function addonOneTriggerPerType(eventType: string): string {
  return `Add-on: each add-on can only have one trigger of each type (${eventType}), per user, per document.`;
}
export const ADDON_CLOCK_HOURLY = 'Add-on: time-driven triggers in add-ons cannot run more frequently than once per hour.';

/** Utilities.newBlob given a number that is not a signed Java byte (emulator wording; Google does not document it). */
export function notAByte(value: unknown, index: number): string {
  return `Invalid argument: data (element ${index} is ${String(value)}; Apps Script bytes are signed, -128..127)`;
}
/** Google's message when an account's daily trigger runtime is used up (widely reported, not on the quotas page). */
export const TRIGGER_RUNTIME_EXCEEDED = 'Service using too much computer time for one day';

/**
 * *stricter*: Google allows these in an add-on, but they reach across every document where the add-on is
 * installed (the script lock serialises every installation; getProjectTriggers lists the user's triggers
 * of every document), so the emulator's `refuseProjectWide` option refuses them to keep a contest to itself.
 */
export const ADDON_SCRIPT_LOCK = 'Add-on (emulator, stricter): getScriptLock() is shared by every installation of the add-on; use getDocumentLock().';
export const ADDON_PROJECT_TRIGGERS =
  "Add-on (emulator, stricter): getProjectTriggers() lists this user's triggers of every document; use getUserTriggers(document).";

/**
 * UrlFetchApp without muteHttpExceptions, on an HTTP status of 400 or more. Google's text; how much of the body
 * it keeps is undocumented (the emulator keeps 200 characters), and it names the URL as requested.
 */
export function requestFailed(url: string, code: number, body: string): string {
  const shown = body.length > 200 ? body.slice(0, 200) : body;
  return `Request failed for ${url} returned code ${code}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`;
}

// ---- Limits of developers.google.com/apps-script/guides/services/quotas ("Current limitations"). Google documents
// the limits, not the exception texts: these are the texts Apps Script users report. ----
/** PropertiesService: one value over 9 KB. */
export const PROPERTY_VALUE_TOO_LARGE = 'Argument too large: value';
/** PropertiesService: one store over 500 KB. */
export const PROPERTY_STORE_FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';
/** MailApp: more than 50 recipients (to, cc and bcc) in one message. */
export const MAIL_RECIPIENTS_PER_MESSAGE = 'Limit Exceeded: Email Recipients Per Message.';
/** MailApp: a body (or htmlBody) over 200 KB. */
export const MAIL_BODY_SIZE = 'Limit Exceeded: Email Body Size.';
/** MailApp: more than 250 attachments in one message. */
export const MAIL_ATTACHMENTS = 'Limit Exceeded: Email Attachments Per Message.';
/** MailApp: attachments over 25 MB in one message. */
export const MAIL_ATTACHMENTS_SIZE = 'Limit Exceeded: Email Total Attachments Size.';
/** Sheet.insertImage: a blob over 2 MB (Sheet reference, insertImage(blobSource, column, row); the text is the emulator's). */
export const IMAGE_TOO_LARGE = 'Sheet.insertImage: the maximum supported blob size is 2MB.';
/** Range.setValue(s)/appendRow: a cell over 50,000 characters. */
export const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';
/** SpreadsheetApp.getUi() where no editor is open (a clock or form-submit trigger). [community] wording. */
export const UI_FROM_THIS_CONTEXT = 'Cannot call SpreadsheetApp.getUi() from this context.';
