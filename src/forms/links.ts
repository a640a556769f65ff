// Video links: one canonical key per video (Drive, YouTube or any URL) for duplicate detection, and the form's prefilled per-unit links.

const TRACKING_PARAMS = /^(usp|si|feature|fbclid|gclid|igshid|mibextid|utm_[a-z]+|ref|resourcekey)$/i;

/**
 * A key that is equal for two links to the same video: Drive file ids and YouTube video ids are
 * extracted (a "view?usp=sharing" link equals its "open?id=" form; youtu.be equals watch?v=); other
 * links compare without scheme, "www."/"m.", trailing slash, fragment and tracking parameters.
 * '' for blank text.
 * @example videoKey('https://youtu.be/abc123?si=x') === videoKey('http://www.youtube.com/watch?v=abc123') // 'youtube:abc123'
 */
export function videoKey(link: string): string {
  const text = String(link ?? '').trim();
  if (text === '') return '';
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(text);
  if (!m) return text.toLowerCase();
  const host = m[1].toLowerCase().replace(/^(www|m|mobile)\./, '');
  const path = m[2] ?? '';
  const params = new Map<string, string>();
  for (const pair of (m[3] ?? '').replace(/^\?/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const k = eq >= 0 ? pair.slice(0, eq) : pair;
    params.set(k, eq >= 0 ? pair.slice(eq + 1) : '');
  }

  if (host === 'drive.google.com' || host === 'docs.google.com') {
    const inPath = /\/(?:file\/)?d\/([\w-]{10,})/.exec(path);
    const id = inPath ? inPath[1] : params.get('id');
    if (id) return `drive:${id}`;
  }
  if (host === 'youtu.be') {
    const id = path.split('/')[1];
    if (id) return `youtube:${id}`;
  }
  if (host === 'youtube.com' || host === 'music.youtube.com') {
    const v = params.get('v');
    if (v) return `youtube:${v}`;
    const inPath = /^\/(?:shorts|embed|live|v)\/([\w-]+)/.exec(path);
    if (inPath) return `youtube:${inPath[1]}`;
  }
  const kept = [...params.entries()]
    .filter(([k]) => !TRACKING_PARAMS.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => (v === '' ? k : `${k}=${v}`));
  const cleanPath = path.replace(/\/+$/, '');
  return `${host}${cleanPath}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/** Each unit's prefilled link (by its "Đơn vị" row): the form's unit question `item` answered with the unit's name. */
export function prefilledLinks(
  formApp: GoogleAppsScript.Forms.FormApp,
  form: GoogleAppsScript.Forms.Form,
  units: { row: number; name: string }[],
  item: GoogleAppsScript.Forms.Item | undefined,
): Map<number, string> {
  const byUnit = new Map<number, string>();
  if (!item) return byUnit;
  const type = item.getType();
  const I = formApp.ItemType;
  for (const u of units) {
    const answer =
      type === I.LIST
        ? item.asListItem().createResponse(u.name)
        : type === I.MULTIPLE_CHOICE
          ? item.asMultipleChoiceItem().createResponse(u.name)
          : type === I.CHECKBOX
            ? item.asCheckboxItem().createResponse([u.name])
            : type === I.PARAGRAPH_TEXT
              ? item.asParagraphTextItem().createResponse(u.name)
              : item.asTextItem().createResponse(u.name);
    byUnit.set(u.row, form.createResponse().withItemResponse(answer).toPrefilledUrl());
  }
  return byUnit;
}
