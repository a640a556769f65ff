// Every Apps Script entry point, assigned to `global` so gas-webpack-plugin emits a top-level function for each.
declare const global: Record<string, unknown>;

/** Adds the "Hội thi" menu; needs no authorization beyond the container UI. */
function onOpen(): void {
  SpreadsheetApp.getUi().createMenu('Hội thi').addItem('Thiết lập hội thi', 'menuSetupContest').addToUi();
}

/** Runs when the add-on is installed: same as opening the document. */
function onInstall(): void {
  onOpen();
}

global.onOpen = onOpen;
global.onInstall = onInstall;
