// Which Page post is which clip: by the post link in "Tương tác", else by the clip ID written in the post.
import { clipIdsInText, linkInfo, postKeys } from './fanpageLinks';

/** A post of the Page as read from the Graph API (counts are totals at the time of reading). */
export interface PagePost {
  id: string;
  permalink: string;
  message: string;
  created: Date | null;
  reactions: number;
  shares: number;
  videoIds: string[];
}

/** A clip's row of "Tương tác": its link as typed, and where a short link redirected (when it did). */
export interface ClipPostLink {
  clipId: string;
  row: number;
  link: string;
  resolved?: string;
}

export interface PostMatch {
  clipId: string;
  row: number;
  post: PagePost;
  by: 'link' | 'id';
}

export interface MatchResult {
  matches: PostMatch[];
  /** Clips no post matched (with the reason shown to the organizer). */
  unmatched: { clip: ClipPostLink; reason: 'no-link' | 'link-not-found' | 'not-facebook' | 'ambiguous' }[];
  /** Posts of the Page in the window that match no clip. */
  strayPosts: PagePost[];
}

/** The keys of a clip's link (the redirect target for a short link). */
export function clipKeys(c: ClipPostLink): string[] {
  return linkInfo(c.resolved ?? c.link).keys;
}

/**
 * Matches clips to posts. A link decides first; a clip whose link matches nothing (or has none) is
 * matched by its ID in the text of exactly one post no link has claimed. Two clips claiming one
 * post by link, or one clip named in several posts, are ambiguous: no counts are taken for them.
 */
export function matchPosts(clips: ClipPostLink[], posts: PagePost[]): MatchResult {
  const byKey = new Map<string, PagePost>();
  for (const p of posts) for (const k of postKeys(p)) if (!byKey.has(k)) byKey.set(k, p);

  const linked = new Map<string, PagePost>();
  const claims = new Map<string, number>();
  for (const c of clips) {
    const post = clipKeys(c)
      .map((k) => byKey.get(k))
      .find((p) => p !== undefined);
    if (!post) continue;
    linked.set(c.clipId, post);
    claims.set(post.id, (claims.get(post.id) ?? 0) + 1);
  }
  const claimed = new Set(linked.values());
  const clipIds = clips.map((c) => c.clipId);
  const mentions = new Map<string, PagePost[]>();
  for (const p of posts) {
    if (claimed.has(p)) continue;
    const ids = clipIdsInText(p.message, clipIds);
    // A post naming several clips (a round-up post) is nobody's post.
    if (ids.length !== 1) continue;
    mentions.set(ids[0], [...(mentions.get(ids[0]) ?? []), p]);
  }

  const result: MatchResult = { matches: [], unmatched: [], strayPosts: [] };
  const used = new Set<PagePost>();
  for (const c of clips) {
    const post = linked.get(c.clipId);
    if (post && claims.get(post.id) === 1) {
      result.matches.push({ clipId: c.clipId, row: c.row, post, by: 'link' });
      used.add(post);
      continue;
    }
    if (post) {
      result.unmatched.push({ clip: c, reason: 'ambiguous' });
      used.add(post);
      continue;
    }
    const named = mentions.get(c.clipId) ?? [];
    if (named.length === 1) {
      result.matches.push({ clipId: c.clipId, row: c.row, post: named[0], by: 'id' });
      used.add(named[0]);
      continue;
    }
    named.forEach((p) => used.add(p));
    const info = linkInfo(c.resolved ?? c.link);
    const reason = named.length > 1 ? 'ambiguous' : c.link.trim() === '' ? 'no-link' : info.facebook ? 'link-not-found' : 'not-facebook';
    result.unmatched.push({ clip: c, reason });
  }
  result.strayPosts = posts.filter((p) => !used.has(p));
  return result;
}
