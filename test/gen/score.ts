import type { Expected, Period, TruthReading } from './page';

/**
 * Grades what the extension stored from one page against the page's truth. A reading is correct only
 * when its value, currency AND period match; a number of the page filed under another period, a
 * different number under the truth's quantity, and a shop-level number of a quantity the page does not
 * show are all wrong. Parts and peers the truth does not list are extra.
 */

export interface Stored {
  metric: string;
  value: number;
  currency?: string;
  period: { kind: string; start: string; end: string };
  observedAt: number;
  breakdown?: { dimension: string; key: string };
  peer?: string;
  store?: string;
}

export interface PageScore {
  seed: number;
  url: string;
  platform: string;
  /** Truth readings that count for recall (optional ones do not). */
  expected: number;
  correct: number;
  wrong: string[];
  missed: string[];
  extra: string[];
  /** Readings of the truth's quantities stored under the page's period (value aside). */
  periodOk: number;
  periodChecked: number;
  storeOk: boolean;
}

const part = (r: { metric: string; breakdown?: { dimension: string; key: string }; peer?: string }) =>
  `${r.metric}${r.breakdown ? ` [${r.breakdown.dimension}=${r.breakdown.key}]` : ''}${r.peer ? ` @${r.peer}` : ''}`;

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** An unknown period is unknown whatever dates the reader put beside it. */
export function samePeriod(stored: { kind: string; start: string; end: string }, truth: Period): boolean {
  if (truth.kind === 'unknown') return stored.kind === 'unknown';
  return stored.kind === truth.kind && stored.start === truth.start && stored.end === truth.end;
}

const show = (p: { kind: string; start: string; end: string }) =>
  p.kind === 'unknown' ? 'unknown' : `${p.kind} ${p.start}..${p.end}`;
const money = (v: number, c?: string) => `${v}${c ? ` ${c}` : ''}`;

export function scorePage(expected: Expected, platform: string, stored: readonly Stored[]): PageScore {
  // The latest value of each series: what the extension holds once the page settled.
  const latest = new Map<string, Stored>();
  for (const s of [...stored].sort((a, b) => a.observedAt - b.observedAt)) latest.set(`${part(s)}|${show(s.period)}`, s);
  const left = new Set(latest.values());
  const score: PageScore = {
    seed: expected.seed,
    url: expected.url,
    platform,
    expected: 0,
    correct: 0,
    wrong: [],
    missed: [],
    extra: [],
    periodOk: 0,
    periodChecked: 0,
    storeOk: expected.store === null || stored.every((s) => s.store === undefined || s.store === expected.store),
  };
  const truths = expected.readings.map((t) => ({ t, period: t.period ?? expected.period }));
  const unmatched: Array<{ t: TruthReading; period: Period }> = [];
  // First: the same quantity under the same period.
  for (const { t, period } of truths) {
    if (!t.optional) score.expected++;
    const got = [...left].find((s) => part(s) === part(t) && samePeriod(s.period, period));
    if (!got) {
      unmatched.push({ t, period });
      continue;
    }
    left.delete(got);
    score.periodChecked++;
    score.periodOk++;
    if (same(got.value, t.value) && (got.currency ?? null) === (t.currency ?? null)) {
      if (!t.optional) score.correct++;
    } else {
      score.wrong.push(
        `${part(t)} (${show(period)}): stored ${money(got.value, got.currency)}, page shows ${money(t.value, t.currency)}`,
      );
    }
  }
  // Then: the same quantity under another period (a right number filed under the wrong dates is wrong).
  for (const { t, period } of unmatched) {
    const got = [...left].find((s) => part(s) === part(t) && same(s.value, t.value));
    if (got) {
      left.delete(got);
      score.periodChecked++;
      score.wrong.push(
        `${part(t)} = ${money(t.value, t.currency)}: stored under ${show(got.period)}, page shows ${show(period)}`,
      );
    } else if (!t.optional) {
      score.missed.push(`${part(t)} = ${money(t.value, t.currency)} (${show(period)})`);
    }
  }
  // What is left: shop-level numbers the page does not show are wrong; parts and peers are extra.
  for (const s of left) {
    const line = `${part(s)} = ${money(s.value, s.currency)} (${show(s.period)})`;
    if (!s.breakdown && !s.peer) score.wrong.push(`${line}: the page shows no such number`);
    else score.extra.push(line);
  }
  return score;
}

export interface Totals {
  pages: number;
  expected: number;
  correct: number;
  wrong: number;
  missed: number;
  extra: number;
  periodOk: number;
  periodChecked: number;
  storeOk: number;
}

export function total(scores: readonly PageScore[]): Totals {
  const t: Totals = {
    pages: 0,
    expected: 0,
    correct: 0,
    wrong: 0,
    missed: 0,
    extra: 0,
    periodOk: 0,
    periodChecked: 0,
    storeOk: 0,
  };
  for (const s of scores) {
    t.pages++;
    t.expected += s.expected;
    t.correct += s.correct;
    t.wrong += s.wrong.length;
    t.missed += s.missed.length;
    t.extra += s.extra.length;
    t.periodOk += s.periodOk;
    t.periodChecked += s.periodChecked;
    t.storeOk += s.storeOk ? 1 : 0;
  }
  return t;
}

export const recall = (t: Totals): number => (t.expected === 0 ? 1 : t.correct / t.expected);

/** The per-platform table the corpus test prints. */
export function table(byPlatform: ReadonlyMap<string, readonly PageScore[]>): string {
  const head = ['platform', 'pages', 'expected', 'correct', 'wrong', 'missed', 'extra', 'period ok', 'store ok', 'recall'];
  const rows: string[][] = [];
  const all: PageScore[] = [];
  for (const [platform, list] of byPlatform) {
    all.push(...list);
    rows.push(line(platform, total(list)));
  }
  rows.push(line('all', total(all)));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(head), ...rows.map(fmt)].join('\n');
}

function line(name: string, t: Totals): string[] {
  return [
    name,
    String(t.pages),
    String(t.expected),
    String(t.correct),
    String(t.wrong),
    String(t.missed),
    String(t.extra),
    `${t.periodOk}/${t.periodChecked}`,
    `${t.storeOk}/${t.pages}`,
    recall(t).toFixed(3),
  ];
}
