// Facebook post links and clip IDs in post text: the keys that match a clip in "Tương tác" to a post of the Page.

/**
 * What a link says about the post it points to. `keys` identify the post ("post:<id or pfbid>",
 * "video:<id>"); `shortLink` is set for links that only a redirect can resolve (fb.watch/…,
 * facebook.com/share/…); `facebook` is false for a link that is not Facebook's at all.
 */
export interface LinkInfo {
  keys: string[];
  shortLink: string | null;
  facebook: boolean;
}

const NONE: LinkInfo = { keys: [], shortLink: null, facebook: false };

/** Host and path+query of a link typed or pasted in any form ("www.", "m.", "web.", no scheme, trailing spaces). Apps Script has no URL class. */
function split(link: string): { host: string; path: string; query: Record<string, string> } | null {
  let s = String(link ?? '')
    .trim()
    .replace(/^<|>$/g, '');
  if (s === '') return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) s = `https://${s}`;
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)([^?#]*)(\?[^#]*)?/i.exec(s);
  if (!m) return null;
  const host = m[1]
    .toLowerCase()
    .replace(/:\d+$/, '')
    .replace(/^(www|m|web|mbasic|touch|mobile|business)\./, '');
  const query: Record<string, string> = {};
  for (const part of (m[3] ?? '').replace(/^\?/, '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decodeSafe(eq < 0 ? part : part.slice(0, eq));
    if (!(key in query)) query[key] = decodeSafe(eq < 0 ? '' : part.slice(eq + 1));
  }
  return { host, path: m[2] || '/', query };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** A post id as Facebook writes it in links: digits, or a "pfbid…" token (case kept: pfbids are case-sensitive). */
const POST_ID = /^(\d+|pfbid[0-9A-Za-z]+)$/;

/**
 * The keys of a Facebook link, for every URL form Facebook uses for a Page's post:
 * /{page}/posts/{id|pfbid}, permalink.php?story_fbid=…&id=…, story.php?story_fbid=…, /{page}/videos/[slug/]{id},
 * /watch/?v={id}, /reel/{id}, /photo?fbid={id}, /{pageId}_{postId}; fb.watch/… and /share/… are short links.
 * @example linkInfo('https://m.facebook.com/quandoan11/posts/pfbid02Xy') → { keys: ['post:pfbid02Xy'], … }
 */
export function linkInfo(link: string): LinkInfo {
  const u = split(link);
  if (!u) return NONE;
  if (u.host === 'fb.watch') return { keys: [], shortLink: normaliseShort(link), facebook: true };
  if (u.host !== 'facebook.com' && u.host !== 'fb.com') return NONE;
  const segs = u.path
    .split('/')
    .filter((s) => s !== '')
    .map(decodeSafe);
  if (segs[0] === 'share') return { keys: [], shortLink: normaliseShort(link), facebook: true };
  const keys: string[] = [];
  const add = (kind: 'post' | 'video', id: string | undefined) => {
    if (id && POST_ID.test(id) && !keys.includes(`${kind}:${id}`)) keys.push(`${kind}:${id}`);
  };
  const last = segs[0]?.toLowerCase();
  if (last === 'permalink.php' || last === 'story.php') add('post', u.query.story_fbid);
  else if (last === 'watch') add('video', u.query.v);
  else if (last === 'reel' || last === 'reels') add('video', segs[1]);
  else if (last === 'photo' || last === 'photo.php') add('post', u.query.fbid);
  else {
    const at = (word: string) => segs.findIndex((s) => s.toLowerCase() === word);
    const posts = at('posts');
    const videos = at('videos');
    if (posts >= 0) add('post', segs[posts + 1]);
    else if (videos >= 0)
      add(
        'video',
        [...segs.slice(videos + 1)].reverse().find((s) => /^\d+$/.test(s)),
      );
    else if (segs.length === 1 && /^\d+_\d+$/.test(segs[0])) add('post', segs[0].split('_')[1]);
    else if (u.query.story_fbid) add('post', u.query.story_fbid);
  }
  return { keys, shortLink: null, facebook: true };
}

/** A short link in one form, so one typed with "www." or a trailing slash is resolved once. */
function normaliseShort(link: string): string {
  const u = split(link)!;
  const host = u.host === 'fb.watch' ? 'fb.watch' : 'www.facebook.com';
  return `https://${host}${u.path.replace(/\/+$/, '')}`;
}

/** Keys of a post as the Graph API describes it: its id ("{pageId}_{postId}"), permalink and attached video. */
export function postKeys(post: { id: string; permalink: string; videoIds: string[] }): string[] {
  const keys = new Set<string>();
  const underscore = post.id.indexOf('_');
  if (underscore > 0) keys.add(`post:${post.id.slice(underscore + 1)}`);
  for (const k of linkInfo(post.permalink).keys) keys.add(k);
  for (const v of post.videoIds) keys.add(`video:${v}`);
  return [...keys];
}

/**
 * The known clip IDs a post's text mentions, each once: "HT-012", "HT012", "ht 12", "#HT-012" all
 * name HT-012. Only IDs in `clipIds` count, so "Quận 11" or a phone number never looks like a clip.
 * @example clipIdsInText('Bài dự thi #HT-012 của Đoàn phường 5', ['HT-012', 'HT-001']) → ['HT-012']
 */
export function clipIdsInText(text: string, clipIds: string[]): string[] {
  const byNumber = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const id of clipIds) {
    const m = /^([A-Za-z]+)[-_ ]?(\d+)$/.exec(id.trim());
    if (!m) continue;
    prefixes.add(m[1].toUpperCase());
    byNumber.set(`${m[1].toUpperCase()}-${Number(m[2])}`, id);
  }
  if (prefixes.size === 0 || !text) return [];
  const alternatives = [...prefixes].sort((a, b) => b.length - a.length).join('|');
  const re = new RegExp(`(?:^|[^A-Za-z0-9À-ỹ])(${alternatives})[-‐–—_ ]?(\\d{1,6})(?!\\d)`, 'gi');
  const found: string[] = [];
  for (const m of String(text).matchAll(re)) {
    const id = byNumber.get(`${m[1].toUpperCase()}-${Number(m[2])}`);
    if (id && !found.includes(id)) found.push(id);
  }
  return found;
}
