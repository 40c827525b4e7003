import { describe, expect, it } from 'vitest';
import { LAYOUT_CLASSES, layoutPages } from '../gen/layouts';
import { budgetProblems, fromGenerated, report } from '../gen/run';
import { recall, scorePage, total, type PageScore, type Stored } from '../gen/score';
import { ENGINES, sessionAndServerFor, type Session, type Tab } from './engines';

/**
 * The reader on layout classes the main generator does not draw (test/gen/layouts.ts): tooltip icons in
 * labels, units in other elements, footnote markers, wrapped rows, virtualized tables, grid columns,
 * Traditional Chinese, right-to-left containers, label-first sentences with values in elements, labels in
 * the middle of a text node; and how numbers are written and which is the operator's (test/gen/number-layouts.ts:
 * Shopee's regional marks, abbreviated magnitudes, placeholders and late skeletons, Unicode digits and spaces,
 * hidden copies, metrics as rows under days, comparisons first, periods side by side). Every page is read in Chromium and in Firefox (E2E_BROWSERS narrows it) and
 * scored per platform and per class. Fails on any wrong value; recall is printed per class
 * (LAYOUT_PER_CLASS pages of each on fixed seeds, 6 unless told, and LAYOUT_ROTATING, 3, on the day's seeds).
 */

const PER_CLASS = Number(process.env.LAYOUT_PER_CLASS ?? 6);
/** Pages per class on the day's rotating seeds (LAYOUT_DAY=YYYY-MM-DD replays another day's). */
const ROTATING = Number(process.env.LAYOUT_ROTATING ?? 3);
const DAY = process.env.LAYOUT_DAY ?? new Date().toISOString().slice(0, 10);
// Six pages at a time: a page mostly waits for its quiet seconds, so the 162 pages take about what 90 took four at a time.
const TABS = Number(process.env.LAYOUT_TABS ?? 6);
/** LAYOUT_ONLY=regional,magnitude reads only those classes. */
const ONLY = process.env.LAYOUT_ONLY?.split(',');
const CLASSES = LAYOUT_CLASSES.filter((c) => !ONLY || ONLY.includes(c));
const QUIET = 2500;
const SLOW_QUIET = 8000;
const EMPTY_WAIT = 12_000;
const MAX_WAIT = 12_000;

type Row = Stored & { url: string };

async function readAll(session: Session, serve: (url: string, html: string) => void): Promise<PageScore[]> {
  const pages = layoutPages(PER_CLASS, ROTATING, DAY)
    .filter((g) => CLASSES.includes(g.axes.layout as never))
    .map((g) =>
      fromGenerated(
        g,
        'layouts',
        `LAYOUT_DAY=${DAY} npx vitest run --config vitest.e2e.config.ts test/e2e/layouts.e2e.test.ts (seed ${g.seed})`,
      ),
    );
  console.log(`layout pages: ${PER_CLASS} fixed and ${ROTATING} rotating (${DAY}) per class`);
  const key = (u: string) => `${new URL(u).origin}${new URL(u).pathname}`;
  for (const p of pages) serve(key(p.url), p.html);
  const byUrl = new Map<string, Row[]>();
  const changedAt = new Map<string, number>();
  let polling = true;
  const poll = (async () => {
    while (polling) {
      const rows = (await session.readDatabase<Row>('readings').catch(() => [] as Row[])) ?? [];
      const grouped = new Map<string, Row[]>();
      for (const row of rows) grouped.set(row.url, [...(grouped.get(row.url) ?? []), row]);
      for (const [url, list] of grouped)
        if (list.length !== byUrl.get(url)?.length) {
          byUrl.set(url, list);
          changedAt.set(url, Date.now());
        }
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  const scores: PageScore[] = [];
  let next = 0;
  const worker = async () => {
    let tab: Tab | undefined;
    while (next < pages.length) {
      const p = pages[next++]!;
      await tab?.close();
      tab = await session.open(p.url);
      const started = Date.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const seen = changedAt.get(key(p.url));
        const elapsed = Date.now() - started;
        // A page that fills its numbers in late is read again once it changed: Firefox's second read comes seconds later.
        const quiet = p.slow ? SLOW_QUIET : QUIET;
        if ((elapsed >= 2500 && seen && Date.now() - seen >= quiet) || elapsed >= (seen ? MAX_WAIT : EMPTY_WAIT)) break;
      }
      scores.push(scorePage(p.expected, p.platform, byUrl.get(key(p.url)) ?? []));
    }
    await tab?.close();
  };
  try {
    await Promise.all(Array.from({ length: TABS }, worker));
  } finally {
    polling = false;
    await poll;
  }
  const { lines } = report(`layout classes in ${session.engine}`, 'enforce', pages, scores);
  const byClass = CLASSES.map((c) => {
    const urls = new Set(pages.filter((p) => p.axes.layout === c).map((p) => p.url));
    const t = total(scores.filter((s) => urls.has(s.url)));
    return `  ${c.padEnd(16)} ${String(t.pages).padStart(3)} pages  recall ${recall(t).toFixed(3)}  wrong ${t.wrong}  (${t.correct}/${t.expected})`;
  });
  console.log([...lines, `by class in ${session.engine}:`, ...byClass].join('\n'));
  return scores;
}

for (const engine of ENGINES) {
  describe(`layout classes (${engine})`, () => {
    const { session, server } = sessionAndServerFor(engine, {}, 'zh-CN');
    it('stores no wrong number on any layout class and reports recall per class', async () => {
      const scores = await readAll(session(), (url, html) => server().serve(url, html));
      expect(scores.length).toBe((PER_CLASS + ROTATING) * CLASSES.length);
      const wrong = budgetProblems(scores).failing.filter((f) => f.includes('wrong'));
      expect(wrong).toEqual([]);
      // The run itself worked: pages were read and something was stored.
      expect(total(scores).correct).toBeGreaterThan(0);
    }, 900_000);
  });
}
