import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module with JSDoc types
import { listFixtures } from '../harness/fixtures.mjs';
import { ENGINES, launchIn, type Session } from './engines';
import { startServer, type FixtureServer, type StoredReading } from './support';

/**
 * The reader against every saved page, in real Chromium and in Firefox with the built extension, the pages
 * of a round in one profile (a round holds each address at most once, so a page's readings are told apart
 * by their address). Prints precision and recall per page and
 * per platform; holds the budget of recall ≥ 0.95 and not one wrong value stored, in both browsers.
 */

interface Expected {
  url: string;
  store: string | null;
  period: { kind: string; start: string; end: string };
  readings: Array<{
    metric: string;
    value: number;
    currency?: string;
    breakdown?: { dimension: string; key: string };
    peer?: string;
    /** A number of its own day (a dated row of a table of days); the page's period otherwise. */
    period?: { kind: string; start: string; end: string };
  }>;
  absent: string[];
  volatile: boolean;
}

interface Fixture {
  name: string;
  fixturePath: string;
  expected: Expected;
}

interface Score {
  page: string;
  expected: number;
  stored: number;
  correct: number;
  wrong: string[];
  missed: string[];
  extra: string[];
  storeOk: boolean;
  periodOk: boolean;
  /** Readings stored under another period than the one their page (or their row) prints. */
  misdated: string[];
}

/** Fixture folders and the site whose adapter reads them (redesigns are served at the site's URLs). */
const PLATFORMS = [
  'sycm',
  'sycm-redesign',
  'jd',
  'douyin',
  'pdd',
  'shopee',
  'shopify',
  'amazon',
  'ga4',
  'alimama',
  'jzt',
  'qianchuan',
  'shopee-ads',
  'amazon-ads',
  'google-ads',
];
/** Pages that are only ever shown inside another page's frame. */
const FRAMED = new Set(['iframe-inner']);

const seriesOf = (r: { metric: string; breakdown?: { key: string }; peer?: string; period?: { start: string; end: string } }) =>
  `${r.metric}${r.breakdown ? ` [${r.breakdown.key}]` : ''}${r.peer ? ` @${r.peer}` : ''}${r.period ? ` (${r.period.start}..${r.period.end})` : ''}`;
const showPeriod = (p: { kind: string; start: string; end: string }) => `${p.kind} ${p.start}..${p.end}`;
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

function score(page: string, expected: Expected, stored: StoredReading[]): Score {
  // The latest value of each series: what the extension holds once the page settled. A reading of
  // another period than its page's is a series of its own (a dated row of a table of days).
  const own = (r: StoredReading) => ({
    ...r,
    period: JSON.stringify(r.period) === JSON.stringify(expected.period) ? undefined : r.period,
  });
  const latest = new Map<string, StoredReading>();
  for (const r of [...stored].sort((a, b) => a.observedAt - b.observedAt)) latest.set(seriesOf(own(r)), r);
  const want = new Map(expected.readings.map((r) => [seriesOf(r), r]));
  const s: Score = {
    page,
    expected: want.size,
    stored: latest.size,
    correct: 0,
    wrong: [],
    missed: [],
    extra: [],
    storeOk: true,
    periodOk: true,
    misdated: [],
  };
  for (const [key, w] of want) {
    const got = latest.get(key);
    if (!got) s.missed.push(key);
    else if (expected.volatile || (same(got.value, w.value) && (got.currency ?? null) === (w.currency ?? null))) s.correct++;
    else
      s.wrong.push(
        `${key}: ${got.value}${got.currency ? ` ${got.currency}` : ''} ≠ ${w.value}${w.currency ? ` ${w.currency}` : ''}`,
      );
  }
  for (const [key, got] of latest) {
    if (want.has(key)) continue;
    if (expected.absent.includes(key) || (!got.breakdown && !got.peer && expected.absent.includes(got.metric)))
      s.wrong.push(`${key}: ${got.value} read, but the page shows no such number`);
    else s.extra.push(`${key}: ${got.value}`);
  }
  if (stored.length && expected.store !== null) s.storeOk = stored.every((r) => r.store === expected.store);
  // Every reading's period, not only the page's: each stored number against the period its page (or its row) prints.
  for (const r of latest.values()) {
    const w = want.get(seriesOf(own(r)));
    const truth = w?.period ?? expected.period;
    if (JSON.stringify({ ...r.period }) !== JSON.stringify(truth))
      s.misdated.push(`${seriesOf(r)}: stored under ${showPeriod(r.period)}, page shows ${showPeriod(truth)}`);
  }
  s.periodOk = s.misdated.length === 0;
  return s;
}

/** Precision and recall per page and per platform, printed after the run. */
function printScores(title: string, scores: Map<string, Score[]>): void {
  const lines: string[] = ['', title];
  for (const [platform, list] of scores) {
    let expected = 0;
    let stored = 0;
    let correct = 0;
    let wrong = 0;
    for (const s of list) {
      expected += s.expected;
      stored += s.stored;
      correct += s.correct;
      wrong += s.wrong.length;
      lines.push(
        `  ${platform}/${s.page.padEnd(12)} recall ${(s.correct / Math.max(1, s.expected)).toFixed(2)}  precision ${(s.correct / Math.max(1, s.stored)).toFixed(2)}  ` +
          `(${s.correct}/${s.expected} expected, ${s.stored} stored, ${s.wrong.length} wrong)${s.storeOk ? '' : '  store ✗'}${s.periodOk ? '' : '  period ✗'}`,
      );
      for (const w of s.wrong) lines.push(`      wrong: ${w}`);
      for (const d of s.misdated) lines.push(`      period: ${d}`);
      for (const m of s.missed) lines.push(`      missed: ${m}`);
      for (const x of s.extra) lines.push(`      extra: ${x}`);
    }
    lines.push(
      `  ${platform} total: recall ${(correct / Math.max(1, expected)).toFixed(3)}, precision ${(correct / Math.max(1, stored)).toFixed(3)}, ${wrong} wrong values`,
    );
  }
  console.log(lines.join('\n'));
}

/** Where a fixture is served, and the routes of its page and of the frames its platform's pages hold. */
function routesOf(platform: string, fixture: Fixture): { address: string; routes: Record<string, string> } {
  // The server routes by origin and path: a fragment (GA4 keeps its route there) never reaches it.
  const at = new URL(fixture.expected.url);
  const address = `${at.origin}${at.pathname}`;
  const routes: Record<string, string> = { [address]: fixture.fixturePath };
  for (const f of listFixtures(platform) as Fixture[]) if (FRAMED.has(f.name)) routes[f.expected.url] = f.fixturePath;
  return { address, routes };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The readings stored from `address` once they stop changing (late rendering, count-up animations).
 * Stored URLs keep origin and path only (queries and fragments can carry tokens).
 */
async function settledReadings(all: () => Promise<StoredReading[]>, address: string): Promise<StoredReading[]> {
  let stored: StoredReading[] = [];
  let steady = 0;
  for (let i = 0; i < 60 && steady < 6; i++) {
    await sleep(250);
    const now = (await all()).filter((r) => r.url === address);
    steady = now.length > 0 && now.length === stored.length ? steady + 1 : 0;
    stored = now;
  }
  return stored;
}

function hold(s: Score): void {
  expect(s.wrong).toEqual([]);
  expect(s.correct / Math.max(1, s.expected)).toBeGreaterThanOrEqual(0.95);
  expect(s.storeOk).toBe(true);
  expect(s.periodOk).toBe(true);
}

/**
 * Every saved page, in rounds: a round's pages are served by one server to one profile. Two pages
 * share no round when they share an address (several 生意参谋 pages are the home page) or show one of the
 * shop's series with the same value for the same period: the background keeps a number again only when it
 * changed, so the second page's reading would not be stored under its address.
 */
function corpusRounds(): Array<Array<{ platform: string; fixture: Fixture }>> {
  const marks = (platform: string, fixture: Fixture) => {
    const { store, period, readings } = fixture.expected;
    const shown = readings.map(
      (r) => `${store}|${showPeriod(r.period ?? period)}|${seriesOf({ ...r, period: undefined })}=${r.value}`,
    );
    return [routesOf(platform, fixture).address, ...shown];
  };
  const rounds: Array<{ pages: Array<{ platform: string; fixture: Fixture }>; taken: Set<string> }> = [];
  for (const platform of PLATFORMS)
    for (const fixture of (listFixtures(platform) as Fixture[]).filter((f) => !FRAMED.has(f.name))) {
      const own = marks(platform, fixture);
      let round = rounds.find((r) => !own.some((m) => r.taken.has(m)));
      if (!round) rounds.push((round = { pages: [], taken: new Set() }));
      round.pages.push({ platform, fixture });
      for (const m of own) round.taken.add(m);
    }
  return rounds.map((r) => r.pages);
}

describe.each(ENGINES)('reader corpus in %s', (engine) => {
  const scores = new Map<string, Score[]>();
  afterAll(() => printScores(`reader corpus in ${engine} — precision and recall per page (stored values vs expected)`, scores));

  for (const [n, round] of corpusRounds().entries()) {
    describe(`round ${n + 1}`, () => {
      let server: FixtureServer | undefined;
      let session: Session | undefined;
      beforeAll(async () => {
        server = await startServer(Object.assign({}, ...round.map((p) => routesOf(p.platform, p.fixture).routes)));
        session = await launchIn(engine, server.port, 'zh-CN');
      });
      afterAll(async () => {
        await session?.close();
        await server?.close();
      });
      for (const { platform, fixture } of round) {
        it(`${platform}/${fixture.name}: reads what the page shows and nothing else`, async () => {
          const { address } = routesOf(platform, fixture);
          const tab = await session!.open(fixture.expected.url);
          try {
            const stored = await settledReadings(() => session!.readDatabase<StoredReading>('readings'), address);
            const s = score(fixture.name, fixture.expected, stored);
            scores.set(platform, [...(scores.get(platform) ?? []), s]);
            hold(s);
          } finally {
            await tab.close();
          }
        });
      }
    });
  }
});
