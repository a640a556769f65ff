// The sample contest at any size (npm run bench, scale tests): the sample's roster, jurors, titles and models, for n submissions.
//
// buildSampleContest(11) is the demo's own 45 entries, each with a story; this builds a contest of any
// size in its image: entries from the same 30 units (sent through the form, so under their official
// names), the sample's jurors (then generated ones in their style), the title pool, the mark model
// (quality + leniency + noise), a few clips failing appraisal, engagement and a share log. All entries
// are on time and from roster units: what varies with size is how many, not what kind.
import { DEFAULT_APPRAISAL_CRITERIA } from '../../src/domain/appraisal';
import {
  COMMA_JUROR,
  ORG_DOMAIN,
  SAMPLE_APPRAISERS,
  SAMPLE_JURORS,
  SAMPLE_LENIENCY,
  SAMPLE_TITLES,
  appraisedAt,
  juryMark,
  personName,
  randomAuthors,
  randomEmail,
  randomEngagement,
  randomLength,
  randomPhone,
  randomPostLink,
  randomQuality,
  randomShares,
  randomVideoLink,
  sampleUnits,
  vn,
  type SampleAppraisal,
  type SampleContest,
  type SampleJuror,
  type SampleMark,
  type SampleShare,
  type SampleSubmission,
  type SampleUnit,
} from './contest';
import { createRng, type Rng } from './random';

export interface ScaleOptions {
  /** How many submissions. */
  entries: number;
  /** How many jurors: the sample's five first (fewer takes the first ones), then generated ones. */
  jurors?: number;
  /** Same seed, entries and jurors → same contest. */
  seed?: number;
}

/** A sample contest without the demo's roster history (the roster is final, every entry comes through the form in time). */
export type ScaledContest = Omit<SampleContest, 'extraUnit' | 'rosterFixedAt' | 'dropdownSyncedAt' | 'missedByTrigger'>;

/** About one clip in ten fails appraisal (the sample: 6 of 45). */
const FAIL_RATE = 0.1;
/** About one passed clip in six has its shares logged (the sample: 8 of 45). */
const LOGGED_RATE = 0.18;
const CRITERIA = DEFAULT_APPRAISAL_CRITERIA.map((c) => c.code);

/** Builds a contest of `entries` submissions and `jurors` jurors in the sample's image. */
export function scaleSampleContest({ entries, jurors = SAMPLE_JURORS.length, seed = 11 }: ScaleOptions): ScaledContest {
  const rng = createRng(seed);
  const units = sampleUnits();
  const plans = planEntries(rng, units, entries);
  const links = new Set<string>();
  const submissions = plans.map((p, k) => entryOf(rng, p, titleOf(k), links));
  const appraisals: SampleAppraisal[] = submissions.map((s, k) => ({
    title: s.title,
    unticked: plans[k].unticked,
    appraiserEmail: SAMPLE_APPRAISERS[k % 2].email,
    at: appraisedAt(k),
    postLink: plans[k].unticked.length === 0 ? randomPostLink(rng) : '',
  }));
  const quality = submissions.map(() => randomQuality(rng));
  const engagement = submissions.map((s, k) => ({ title: s.title, ...randomEngagement(rng, quality[k]) }));
  const shareLog = scaledShareLog(rng, appraisals);
  // Marks last, from their own juror list: the same seed gives the same entries whatever the jury's size.
  const jury = scaledJurors(jurors, seed);
  const marks: SampleMark[] = [];
  submissions.forEach((s, k) => {
    jury.forEach((j, ji) => marks.push({ title: s.title, jurorCode: j.code, ...juryMark(rng, quality[k], j.leniency, ji === COMMA_JUROR) }));
  });
  return {
    seed,
    organizerEmail: `bantochuc@${ORG_DOMAIN}`,
    appraisers: SAMPLE_APPRAISERS.map((a) => ({ ...a })),
    units,
    jurors: jury.map(({ code, name, email, unit }) => ({ code, name, email, unit })),
    submissions,
    appraisals,
    marks,
    engagement,
    shareLog,
  };
}

interface Plan {
  unit: string;
  at: Date;
  unticked: string[];
}

/** Who sends each entry and when (22/05 07:00 – 10/06 22:00, before the deadline), in time order. */
function planEntries(rng: Rng, units: SampleUnit[], entries: number): Plan[] {
  const start = vn(2023, 5, 22, 7, 0).getTime();
  const minutes = (vn(2023, 6, 10, 22, 0).getTime() - start) / 60000;
  const plans = Array.from({ length: entries }, (): Plan => {
    const unit = rng.pick(units).name;
    const at = new Date(start + Math.floor(rng.next() * minutes) * 60000);
    const unticked = rng.next() < FAIL_RATE ? [rng.pick(CRITERIA)] : [];
    if (unticked.length > 0 && rng.next() < 0.25) unticked.push(rng.pick(CRITERIA.filter((c) => c !== unticked[0])));
    return { unit, at, unticked };
  });
  return plans
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.at.getTime() - b.p.at.getTime() || a.i - b.i)
    .map((x) => x.p);
}

/** Titles from the sample's pool in turn; past the 45th they come round again, numbered: "… (2)". */
function titleOf(k: number): string {
  const round = Math.floor(k / SAMPLE_TITLES.length);
  const title = SAMPLE_TITLES[k % SAMPLE_TITLES.length];
  return round === 0 ? title : `${title} (${round + 1})`;
}

/** One entry; its link is not one of `used` (a repeated link is flagged at intake, which is not what the scaled contest shows). */
function entryOf(rng: Rng, p: Plan, title: string, used: Set<string>): SampleSubmission {
  const { entryType, authors, contactName } = randomAuthors(rng);
  let videoLink = randomVideoLink(rng);
  while (used.has(videoLink)) videoLink = randomVideoLink(rng);
  used.add(videoLink);
  return {
    at: p.at,
    unit: p.unit,
    entryType,
    authors,
    title,
    videoLink,
    length: randomLength(rng, p.unticked.includes('TT1')),
    contactName,
    phone: randomPhone(rng),
    email: randomEmail(rng),
    story: [],
  };
}

/** Shares of about one passed clip in six, by a pool of accounts that grows with the contest, in time order. */
function scaledShareLog(rng: Rng, appraisals: SampleAppraisal[]): SampleShare[] {
  const logged = appraisals.filter((a) => a.unticked.length === 0 && rng.next() < LOGGED_RATE).map((a) => a.title);
  const accounts = Array.from({ length: Math.max(36, Math.ceil(logged.length * 4.5)) }, () => personName(rng));
  const shareLog = logged.flatMap((title) => randomShares(rng, title, accounts));
  return shareLog.sort((a, b) => a.time.getTime() - b.time.getTime());
}

/** Letters without Vietnamese diacritics, for made-up email addresses: "Lê Minh Khoa" → "le minh khoa". */
function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * The sample's jurors, then generated ones in their style (GK6…, a Vietnamese name, "given.initials@"
 * like khoa.lm@, no unit), each with a leniency of −3…+3. Names are distinct: each juror has a tab
 * named after them.
 */
export function scaledJurors(count: number, seed = 11): (SampleJuror & { leniency: number })[] {
  const jury = SAMPLE_JURORS.slice(0, count).map((j, i) => ({ ...j, leniency: SAMPLE_LENIENCY[i] }));
  const rng = createRng(seed ^ 0x5bd1e995);
  const names = new Set(jury.map((j) => j.name));
  const emails = new Set(jury.map((j) => j.email));
  while (jury.length < count) {
    const name = personName(rng);
    if (names.has(name)) continue;
    names.add(name);
    const words = ascii(name).split(' ');
    const local = `${words[words.length - 1]}.${words
      .slice(0, -1)
      .map((w) => w[0])
      .join('')}`;
    let email = `${local}@${ORG_DOMAIN}`;
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${ORG_DOMAIN}`;
    emails.add(email);
    jury.push({ code: `GK${jury.length + 1}`, name, email, unit: '', leniency: rng.int(-3, 3) });
  }
  return jury;
}
