import { readAll, type AlertRecord, type Database } from '../db';
import { reviewAlertKey, reviewRuleId } from '../keys';
import { periodKey } from '../reader/period';
import { REVIEW_CAUSES, reviewVerdicts, type ReviewVerdict } from '../review/review-alerts';
import type { IsoDate } from '../review/types';
import type { ReviewAlertChoices } from '../rules';
import type { Period } from '../types';
import { raisedAlert, resolvedAlert } from './alerts';
import { loadShopHistory } from './review-loader';

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
): Promise<number> {
  const history = await loadShopHistory(readAll(db), site, store, today, 'first');
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
    if (v?.state === 'fired') writes.push(raised(id, existing[i], v, site, store, history.currency, now));
    else if (v?.state === 'fine' || off) {
      const resolved = resolvedAlert(existing[i], v?.value ?? existing[i]?.value ?? 0, now);
      if (resolved) writes.push(resolved);
    }
  });
  await Promise.all(writes.map((a) => tx.store.put(a)));
  await tx.done;
  return writes.length;
}

function raised(
  id: string,
  existing: AlertRecord | undefined,
  v: ReviewVerdict,
  site: string,
  store: string,
  currency: string | undefined,
  now: number,
): AlertRecord {
  const period: Period = { kind: v.range.start === v.range.end ? 'day' : 'range', start: v.range.start, end: v.range.end };
  const alert = raisedAlert(
    existing,
    {
      id,
      site,
      store,
      metric: v.metric,
      ruleId: reviewRuleId(v.cause),
      severity: 'warn',
      direction: 'below',
      fix: v.fix,
      value: v.value,
      threshold: v.threshold,
      ...(currency && (v.metric === 'sales' || v.metric === 'avgOrderValue') ? { currency } : {}),
      source: { reader: 'adapter', locator: '', label: '', raw: '' },
      review: {
        range: v.range,
        change: v.change,
        ...(v.source ? { fellSource: v.source } : {}),
      },
    },
    { now, period, periodKey: periodKey(period), url: '' },
  );
  return alert;
}
