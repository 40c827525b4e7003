import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_SEEDS, generatePage, rotatingSeeds, type Expected } from '../gen/page';
import { scorePage, table, total, recall, type PageScore, type Stored } from '../gen/score';
import { launch, readings, startServer, type Browser, type FixtureServer } from './support';

/**
 * The reader on pages nobody hand-shaped: seeded generated dashboards (test/gen/page.ts), served at
 * their platforms' real URLs and read by the built extension in Chromium, several tabs at a time in
 * one profile (every page has its own path, and stored readings carry origin + path).
 *
 * Budget (issue 9): per platform recall ≥ 0.98 and not one wrong value (value, currency and period).
 * GEN_BUDGET=enforce fails on a miss of the budget; GEN_BUDGET=report (the default until the reader
 * meets it) prints the same table and fails only when the run itself is broken.
 * GEN_SEEDS=1,2,3 replays chosen seeds; GEN_DAY=YYYY-MM-DD picks the rotating set of another day.
 */

const MODE = (process.env.GEN_BUDGET ?? 'report') === 'enforce' ? 'enforce' : 'report';
const RECALL_BUDGET = 0.98;
const TABS = Number(process.env.GEN_TABS ?? 6);
const ROTATING = 60;

export interface CorpusPage {
  seed: number;
  platform: string;
  html: string;
  url: string;
  expected: Expected;
  /** The page animates or defines elements late: give it longer before judging. */
  slow: boolean;
  describe: string;
  replay: string;
}

const day = process.env.GEN_DAY ?? new Date().toISOString().slice(0, 10);
const chosen = process.env.GEN_SEEDS?.split(',').map((s) => Number(s.trim())).filter(Number.isFinite);
const seeds = chosen?.length ? chosen : [...FIXED_SEEDS, ...rotatingSeeds(day, ROTATING)];

const replay = (seed: number) => `GEN_SEEDS=${seed} npx vitest run --config vitest.e2e.config.ts test/e2e/generated.e2e.test.ts   (page: npx vite-node test/gen/cli.ts ${seed})`;

function pages(): CorpusPage[] {
  const now = new Date();
  return seeds.map((seed) => {
    const g = generatePage(seed, { now });
    return {
      seed,
      platform: g.platform,
      html: g.html,
      url: g.url,
      expected: g.expected,
      slow: !!(g.axes.countUp || g.axes.shadow?.includes('late')),
      describe: g.expected.notes,
      replay: replay(seed),
    };
  });
}

/** Reads every page in `list` with `tabs` tabs at once and scores each against its truth. */
export async function readCorpus(browser: Browser, server: FixtureServer, list: CorpusPage[], tabs: number): Promise<PageScore[]> {
  const pathOf = (u: string) => {
    const url = new URL(u);
    return `${url.origin}${url.pathname}`;
  };
  for (const p of list) server.serve(pathOf(p.url), p.html);
  // One poller for all tabs: the stored readings grouped by page, and when each page's last changed.
  const byUrl = new Map<string, Stored[]>();
  const changedAt = new Map<string, number>();
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const all = (await readings(browser)) as Array<Stored & { url: string }>;
      const next = new Map<string, Stored[]>();
      for (const r of all) next.set(r.url, [...(next.get(r.url) ?? []), r]);
      for (const [url, rs] of next) {
        if ((byUrl.get(url)?.length ?? 0) !== rs.length) changedAt.set(url, Date.now());
        byUrl.set(url, rs);
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  })();
  const scores: PageScore[] = [];
  let next = 0;
  const worker = async () => {
    const tab = await browser.context.newPage();
    try {
      while (next < list.length) {
        const p = list[next++]!;
        const key = pathOf(p.url);
        const started = Date.now();
        await tab.goto(p.url, { waitUntil: 'load' });
        const minWait = p.slow ? 3500 : 2200;
        // Judge once the page's readings have held still for a while (late elements, count-ups, two agreeing reads).
        for (;;) {
          await tab.waitForTimeout(250);
          const elapsed = Date.now() - started;
          const quiet = Date.now() - (changedAt.get(key) ?? started);
          if ((elapsed >= minWait && quiet >= 1200) || elapsed >= 10_000) break;
        }
        await new Promise((r) => setTimeout(r, 350));
        scores.push(scorePage(p.expected, p.platform, byUrl.get(key) ?? []));
      }
    } finally {
      await tab.close();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(tabs, list.length) }, worker));
  } finally {
    polling = false;
    await poll;
  }
  return scores;
}

export function report(title: string, list: CorpusPage[], scores: PageScore[]): { lines: string[]; failing: PageScore[] } {
  const byPlatform = new Map<string, PageScore[]>();
  for (const s of scores) byPlatform.set(s.platform, [...(byPlatform.get(s.platform) ?? []), s]);
  const failing = scores.filter((s) => s.wrong.length || s.missed.length);
  const lines = ['', `${title} — ${scores.length} pages, budget recall ≥ ${RECALL_BUDGET} and 0 wrong per platform (${MODE} mode)`, table(byPlatform), ''];
  const bySeed = new Map(list.map((p) => [p.seed, p]));
  for (const s of failing.sort((a, b) => b.wrong.length - a.wrong.length)) {
    const page = bySeed.get(s.seed)!;
    lines.push(`  seed ${s.seed} ${page.url}`);
    lines.push(`    ${page.describe}`);
    for (const w of s.wrong) lines.push(`    wrong: ${w}`);
    for (const m of s.missed) lines.push(`    missed: ${m}`);
    for (const x of s.extra.slice(0, 6)) lines.push(`    extra: ${x}`);
    if (s.extra.length > 6) lines.push(`    … ${s.extra.length - 6} more extra`);
    lines.push(`    replay: ${page.replay}`);
  }
  return { lines, failing };
}

export function budgetProblems(scores: PageScore[]): string[] {
  const byPlatform = new Map<string, PageScore[]>();
  for (const s of scores) byPlatform.set(s.platform, [...(byPlatform.get(s.platform) ?? []), s]);
  const problems: string[] = [];
  for (const [platform, list] of byPlatform) {
    const t = total(list);
    if (t.wrong > 0) problems.push(`${platform}: ${t.wrong} wrong values`);
    if (recall(t) < RECALL_BUDGET) problems.push(`${platform}: recall ${recall(t).toFixed(3)} < ${RECALL_BUDGET}`);
  }
  return problems;
}

describe('generated pages', () => {
  let server: FixtureServer;
  let browser: Browser;
  const list = pages();
  let scores: PageScore[] = [];

  beforeAll(async () => {
    server = await startServer({});
    browser = await launch(server.port, 'zh-CN');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(
    `reads ${list.length} generated pages (fixed seeds + rotating set of ${day}) within the budget`,
    async () => {
      scores = await readCorpus(browser, server, list, TABS);
      const { lines } = report('generated pages', list, scores);
      console.log(lines.join('\n'));
      // The run itself: every page was read and judged, and the extension stored numbers.
      expect(scores).toHaveLength(list.length);
      expect(total(scores).correct).toBeGreaterThan(0);
      const problems = budgetProblems(scores);
      if (MODE === 'enforce') expect(problems).toEqual([]);
      else if (problems.length) console.log(`budget not met (report mode): ${problems.join('; ')}`);
    },
    600_000,
  );
});
