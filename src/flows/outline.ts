// Summary lines with one level of nesting: a line that starts with two spaces belongs to the line above it.
//
// Summary.lines stays string[] (the dialog, "Nhật ký" and the CLIs all read it); the indent is the
// whole convention, so a CLI that prints lines as they are still shows the nesting.

/** What marks a summary line as a child of the line above it. */
export const CHILD_INDENT = '  ';

/** Children shown under one line before "… và N mục khác", so a dialog stays readable. */
export const MAX_CHILDREN = 30;

/** `texts` as child lines of the line before them, the first `limit` of them plus a count of the rest. */
export function childLines(texts: string[], limit = MAX_CHILDREN): string[] {
  const shown = texts.slice(0, limit).map((t) => CHILD_INDENT + t.trim());
  if (texts.length > limit) shown.push(`${CHILD_INDENT}… và ${texts.length - limit} mục khác.`);
  return shown;
}

export interface OutlineItem {
  text: string;
  children: string[];
}

/**
 * Lines grouped under their parents: a line starting with two spaces is a child of the nearest
 * line above that does not; a child with no parent above it stands alone. Blank lines are dropped.
 * @example outline(['Điểm BGK còn thiếu:', '  A chưa chấm 1 bài: HT-040']) → [{ text: 'Điểm BGK còn thiếu:', children: ['A chưa chấm 1 bài: HT-040'] }]
 */
export function outline(lines: string[]): OutlineItem[] {
  const items: OutlineItem[] = [];
  for (const line of lines) {
    const text = String(line ?? '');
    if (text.trim() === '') continue;
    const last = items[items.length - 1];
    if (text.startsWith(CHILD_INDENT) && last) last.children.push(text.trim());
    else items.push({ text: text.trim(), children: [] });
  }
  return items;
}

/**
 * One item as a single line for "Nhật ký": "Điểm BGK còn thiếu: A chưa chấm 1 bài: HT-040; B …".
 * The parent's own colon introduces the children; without one, a colon is added.
 */
export function flattenItem(item: OutlineItem): string {
  if (item.children.length === 0) return item.text;
  const head = item.text.replace(/[:：]\s*$/, '');
  return `${head}: ${item.children.join('; ')}`;
}
