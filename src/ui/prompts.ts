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
