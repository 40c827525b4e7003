import { readAll, type AlertRecord, type Database } from '../db';
import { reviewAlertKey, reviewRuleId } from '../keys';
import { periodKey } from '../reader/period';
import { REVIEW_CAUSES, reviewVerdicts, type ReviewVerdict } from '../review/review-alerts';
import type { IsoDate, ReviewAlertDetail } from '../review/types';
import type { FixId, ReviewAlertChoices, Severity } from '../rules';
import type { MetricId } from '../metrics';
import type { Period } from '../types';
import { raisedAlert, resolvedAlert } from './alerts';
import { dailySeries, toPoints } from './daily';
import { loadShopHistory, RECENT_DAYS, spendOf } from './review-loader';
import { addDays } from '../review/dates';
import { spendDay } from '../review/spend';
import { SPEND_CAUSES, spendVerdicts, type SpendVerdict } from '../review/spend-alerts';

/** What the spend alerts of one shop need beyond its history: its linked accounts, its critical lines, its ROI floor. */
export interface SpendJudging {
  accounts: ReadonlyArray<{ site: string; store: string }>;
  lines: { bounceCritical: number | null; depthCritical: number | null };
  roiFloor: number;
}

/**
 * The review's default alerts of one shop, raised and resolved through the one alert path: the
 * shop's closed days are read, judged (core/review/review-alerts.ts), and each cause's alert written in
 * one transaction. A cause switched off resolves its open alert.
 */
export async function judgeReviewAlerts(
  db: Database,
  site: string,
  store: string,
  today: IsoDate,
  choices: ReviewAlertChoices,
  now: number,
  spending?: SpendJudging,
): Promise<number> {
  const reader = readAll(db);
  const history = await loadShopHistory(reader, site, store, today, 'first');
  const spend = spending?.accounts.length ? await spendVerdictsOf(reader, site, store, today, history, choices, spending) : [];
  const verdicts = reviewVerdicts(
    { site, store, today, series: history.series, sources: history.sources, target: history.targets },
    choices,
  );
  const byCause = new Map(verdicts.map((v) => [v.cause, v]));
  const tx = db.transaction('alerts', 'readwrite');
  const ids = REVIEW_CAUSES.map((cause) => reviewAlertKey(site, store, cause === 'target' ? 'sales' : cause, cause));
  const existing = await Promise.all(ids.map((id) => tx.store.get(id)));
  const writes: AlertRecord[] = [];
  REVIEW_CAUSES.forEach((cause, i) => {
    const v = byCause.get(cause);
    const id = ids[i]!;
    const off = cause === 'target' ? !choices.targetMiss : !choices.factorDrop;
    if (v?.state === 'fired') writes.push(raised(id, existing[i], fromReview(v, history.currency), site, store, now));
    else if (v?.state === 'fine' || off) {
      const resolved = resolvedAlert(existing[i], v?.value ?? existing[i]?.value ?? 0, now);
      if (resolved) writes.push(resolved);
    }
  });
  // No account's spend counts for the shop any more (its link undone): its spend alerts have nothing to stand on.
  const unlinked = spending !== undefined && !spending.accounts.length;
  const spendIds = SPEND_CAUSES.map((cause) => reviewAlertKey(site, store, 'adSpend', cause));
  const spendExisting = await Promise.all(spendIds.map((id) => tx.store.get(id)));
  SPEND_CAUSES.forEach((cause, i) => {
    const v = spend.find((x) => x.cause === cause);
    const id = spendIds[i]!;
    if (v?.state === 'fired') writes.push(raised(id, spendExisting[i], fromSpend(v, history.currency), site, store, now));
    else if (v?.state === 'fine' || !choices[cause] || unlinked) {
      const resolved = resolvedAlert(spendExisting[i], v?.value ?? spendExisting[i]?.value ?? 0, now);
      if (resolved) writes.push(resolved);
    }
  });
  await Promise.all(writes.map((a) => tx.store.put(a)));
  await tx.done;
  return writes.length;
}

async function spendVerdictsOf(
  reader: ReturnType<typeof readAll>,
  site: string,
  store: string,
  today: IsoDate,
  history: Awaited<ReturnType<typeof loadShopHistory>>,
  choices: ReviewAlertChoices,
  spending: SpendJudging,
): Promise<SpendVerdict[]> {
  const from = addDays(today, -RECENT_DAYS);
  const [shop, bounce, depth] = await Promise.all([
    spendOf(reader, spending.accounts, history.currency, from, today),
    dailySeries(reader, site, store, 'bounceRate', from, addDays(today, -1)),
    dailySeries(reader, site, store, 'pagesPerVisit', from, addDays(today, -1)),
  ]);
  const last = shop.spend.at(-1);
  const sales = history.series.sales ?? [];
  const day = last ? spendDay(shop, sales, last.date) : null;
  if (!day) return [];
  // The days a warning's hold looks back over.
  const earlier = Array.from({ length: Math.max(0, Math.round(choices.days) - 1) }, (_, i) =>
    spendDay(shop, sales, addDays(day.date, -(i + 1))),
  ).filter((d) => d !== null);
  const quality = (days: typeof bounce) => toPoints(days.filter((d) => !d.provisional));
  return spendVerdicts({
    day,
    earlier,
    bounceRate: quality(bounce),
    pagesPerVisit: quality(depth),
    lines: spending.lines,
    sources: history.sources,
    adsSource: shop.accounts.map((a) => a.account).join(', '),
    sales,
    targets: history.targets,
    roiFloor: spending.roiFloor,
    choices,
  });
}

/** What a review alert says, from either kind of verdict. */
interface Raised {
  cause: string;
  metric: MetricId;
  severity: Severity;
  direction: 'above' | 'below';
  fix: FixId;
  value: number;
  threshold: number;
  currency?: string;
  review: ReviewAlertDetail;
}

function raised(id: string, existing: AlertRecord | undefined, v: Raised, site: string, store: string, now: number): AlertRecord {
  const { start, end } = v.review.range;
  const period: Period = { kind: start === end ? 'day' : 'range', start, end };
  const { cause, ...fields } = v;
  return raisedAlert(
    existing,
    {
      id,
      site,
      store,
      ...fields,
      ruleId: reviewRuleId(cause),
      source: { reader: 'adapter', locator: '', label: '', raw: '' },
    },
    { now, period, periodKey: periodKey(period), url: '' },
  );
}

function fromReview(v: ReviewVerdict, currency: string | undefined): Raised {
  return {
    cause: v.cause,
    metric: v.metric,
    severity: 'warn',
    direction: 'below',
    fix: v.fix,
    value: v.value,
    threshold: v.threshold,
    ...(currency && (v.metric === 'sales' || v.metric === 'avgOrderValue') ? { currency } : {}),
    review: { range: v.range, change: v.change, ...(v.source ? { fellSource: v.source } : {}) },
  };
}

function fromSpend(v: SpendVerdict, currency: string | undefined): Raised {
  const { cause, metric, severity, direction, fix, value, threshold } = v;
  return {
    ...{ cause, metric, severity, direction, fix, value, threshold },
    ...(currency ? { currency } : {}),
    review: { range: v.range, change: threshold ? value / threshold - 1 : 0, spend: v.detail },
  };
}
