// The "Hội thi" menu: labels and the entry point each item calls.
import { MENU_LABELS } from './messages';

/** An item, or null for a separator. */
export type MenuEntry = { label: string; functionName: string } | null;

/** Items in the order of docs/workbook.md "Menu"; function names are the globals main.ts assigns. */
export const MENU_ENTRIES: MenuEntry[] = [
  { label: MENU_LABELS.setup, functionName: 'menuSetupContest' },
  null,
  { label: MENU_LABELS.form, functionName: 'menuCreateForm' },
  { label: MENU_LABELS.syncUnits, functionName: 'menuSyncUnits' },
  { label: MENU_LABELS.qr, functionName: 'menuQrCodes' },
  { label: MENU_LABELS.syncSubmissions, functionName: 'menuSyncSubmissions' },
  null,
  { label: MENU_LABELS.appraisal, functionName: 'menuUpdateAppraisal' },
  { label: MENU_LABELS.juryTabs, functionName: 'menuPrepareJuryTabs' },
  { label: MENU_LABELS.juryProgress, functionName: 'menuJuryProgress' },
  { label: MENU_LABELS.remindJurors, functionName: 'menuRemindJurors' },
  { label: MENU_LABELS.connectFanpage, functionName: 'menuConnectFanpage' },
  { label: MENU_LABELS.updateEngagement, functionName: 'menuUpdateEngagement' },
  { label: MENU_LABELS.scores, functionName: 'menuComputeScores' },
  { label: MENU_LABELS.awards, functionName: 'menuBuildAwards' },
  { label: MENU_LABELS.participation, functionName: 'menuParticipation' },
  { label: MENU_LABELS.certificateTemplate, functionName: 'menuCertificateTemplate' },
  { label: MENU_LABELS.certificates, functionName: 'menuCertificates' },
  { label: MENU_LABELS.sendCertificates, functionName: 'menuSendCertificates' },
  { label: MENU_LABELS.finalise, functionName: 'menuFinaliseResults' },
  { label: MENU_LABELS.reopen, functionName: 'menuReopenResults' },
  null,
  { label: MENU_LABELS.auditLog, functionName: 'menuAuditLog' },
];

/**
 * Adds the add-on's menu (Extensions › hoithi, named by the add-on listing); touches nothing but the
 * UI, so onOpen works in AuthMode.NONE. Bound to one spreadsheet it shows the same way.
 */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const entry of MENU_ENTRIES) {
    if (entry) menu.addItem(entry.label, entry.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}
