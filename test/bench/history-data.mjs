// Synthetic history for the benchmarks: shops × days × metrics of daily values, as an export file.

const METRICS = [
  ['visitors', 3000, 'count'],
  ['visits', 4200, 'count'],
  ['pageViews', 12000, 'count'],
  ['bounceRate', 0.62, 'rate'],
  ['pagesPerVisit', 3.1, 'ratio'],
  ['avgVisitDuration', 48, 'ratio'],
  ['conversionRate', 0.021, 'rate'],
  ['paidBuyers', 63, 'count'],
  ['orders', 70, 'count'],
  ['unitsOrdered', 95, 'count'],
  ['avgOrderValue', 180, 'money'],
  ['sales', 11340, 'money'],
  ['returningVisitors', 600, 'count'],
  ['returningVisitorShare', 0.2, 'rate'],
  ['orders', 70, 'count'],
];
export const HISTORY_METRICS = [...new Set(METRICS.map(([m]) => m))];

const iso = (t) => new Date(t).toISOString().slice(0, 10);

/** A JSON export with `shops` shops × `days` days (ending yesterday of `today`) × 15 metric series. */
export function historyExport({ shops = 10, days = 730, today = '2026-11-27' } = {}) {
  const end = Date.parse(`${today}T00:00:00Z`) - 86_400_000;
  const daily = [];
  let seed = 1;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  for (let s = 0; s < shops; s++) {
    const site = s % 2 ? 'shopify' : 'sycm';
    const store = s % 2 ? `Store ${s}` : `店铺${s}`;
    const currency = site === 'shopify' ? 'USD' : 'CNY';
    METRICS.forEach(([metric, base, kind], i) => {
      // 15 series per shop: the 15th is a traffic source's visitors, a part of the shop.
      const part = i === 14 ? { breakdown: { dimension: 'source', key: '手淘搜索' } } : {};
      const partKey = i === 14 ? 'source=手淘搜索' : '';
      const m = i === 14 ? 'visitors' : metric;
      for (let d = 0; d < days; d++) {
        const date = iso(end - (days - 1 - d) * 86_400_000);
        const weekly = 1 + 0.15 * Math.sin((d / 7) * 2 * Math.PI);
        const value =
          kind === 'rate'
            ? Math.min(0.99, base * (0.9 + rand() * 0.2))
            : Math.round(base * weekly * (0.85 + rand() * 0.3) * 100) / 100;
        const rec = {
          id: [site, store, m, partKey, date].join('|'),
          site,
          store,
          metric: m,
          part: partKey,
          date,
          value,
          provisional: false,
          observedAt: Date.parse(`${date}T23:00:00Z`) + 3_600_000,
          ...part,
        };
        if (kind === 'money') rec.currency = currency;
        daily.push(rec);
      }
    });
  }
  return {
    format: 'storepulse-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    targets: [],
    daily,
    readings: [],
    alerts: [],
  };
}

/** `count` readings as reports of 10 metrics each, a new value every time (nothing deduplicated). */
export function readingReports(count, today = '2026-11-27') {
  const reports = [];
  const metrics = HISTORY_METRICS.slice(0, 10);
  for (let i = 0; i < count / metrics.length; i++) {
    const date = iso(Date.parse(`${today}T00:00:00Z`) - (1 + (i % 60)) * 86_400_000);
    reports.push({
      site: 'sycm',
      store: `店铺${i % 5}`,
      period: { kind: 'day', start: date, end: date },
      observed: metrics.map((metric, j) => ({
        metric,
        value: 1000 + i * 10 + j,
        source: {
          reader: 'adapter',
          adapter: 'sycm',
          locator: 'div:nth-of-type(2) > span',
          label: metric,
          raw: String(1000 + i),
        },
      })),
    });
  }
  return reports;
}
