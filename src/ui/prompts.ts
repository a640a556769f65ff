// Questions the menu asks before an action runs.

/** "Tạo / liên kết biểu mẫu": an existing form's edit link, '' to create (or re-check) ours, null when cancelled. */
export function askFormLink(ui: GoogleAppsScript.Base.Ui, title: string): string | null {
  const answer = ui.prompt(
    title,
    'Để trống rồi bấm OK để tạo biểu mẫu mới (hoặc kiểm tra lại biểu mẫu đã có).\nĐể dùng một biểu mẫu có sẵn, dán link sửa biểu mẫu (https://docs.google.com/forms/d/…/edit):',
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  return answer.getResponseText().trim();
}

/**
 * "Nhắc giám khảo" when some jurors were already reminded today: true to remind them again, false to
 * skip them (the others are still reminded), null when cancelled.
 */
export function askRemindAgain(ui: GoogleAppsScript.Base.Ui, title: string, names: string[]): boolean | null {
  const answer = ui.alert(
    title,
    `Hôm nay đã nhắc ${names.length} giám khảo: ${names.join(', ')}.\nBấm "Có" để nhắc lại cả những giám khảo này, "Không" để chỉ nhắc những giám khảo chưa được nhắc hôm nay.`,
    ui.ButtonSet.YES_NO_CANCEL,
  );
  if (answer === ui.Button.YES) return true;
  if (answer === ui.Button.NO) return false;
  return null;
}

/** "Mở lại kết quả": the reason to log in "Nhật ký" (trimmed; may be '' — the action refuses it), null when cancelled. */
export function askReopenReason(ui: GoogleAppsScript.Base.Ui, title: string): string | null {
  const answer = ui.prompt(title, 'Lý do mở lại kết quả đã chốt (sẽ được ghi vào "Nhật ký"):', ui.ButtonSet.OK_CANCEL);
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  return answer.getResponseText().trim();
}
