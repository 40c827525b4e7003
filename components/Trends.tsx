import './Trends.css';
import { useEffect, useState } from 'preact/hooks';
import { columnOf, formatAxis, formatChange, formatPoints } from '@/core/format';
import { metricName, type Locale } from '@/core/i18n';
import type { PopupTranslate } from '@/core/strings/popup';
import type { TrendRequest } from '@/core/messages';
import { metricDef, type MetricId } from '@/core/metrics';
import type { DailyPoint, IsoDate, QualityLevel, ShopOverview, TrendView, WeeklyQuality } from '@/core/review/types';
import { LineChart, type ChartSeries } from './LineChart';
import { spendColumns, SpendTrendCharts } from './Spend';
import { PeerLatest } from './PeerLatest';
import { changeClass } from './Change';
import { errorText, shopKey, siteName } from './util';

const RANGES = [7, 30, 90] as const;
/** Weeks shown in the page-quality table: about two months. */
const QUALITY_WEEKS = 8;

/** The trends tab: pick a shop, a metric and a range; see the line against its lines and target. */
export function Trends({
  shops,
  loadTrend,
  t,
  locale,
}: {
  shops: readonly ShopOverview[];
  loadTrend: (req: TrendRequest) => Promise<TrendView>;
  t: PopupTranslate;
  locale: Locale;
}) {
  const [key, setKey] = useState(shops[0] ? shopKey(shops[0]) : '');
  const shop = shops.find((s) => shopKey(s) === key) ?? shops[0];
  const [metricChoice, setMetric] = useState<MetricId | null>(null);
  const metric = shop && metricChoice && shop.metrics.includes(metricChoice) ? metricChoice : defaultMetric(shop);
  const [days, setDays] = useState<7 | 30 | 90>(30);
  const [trend, setTrend] = useState<TrendView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!shop || !metric) return;
    let live = true;
    setError(null);
    loadTrend({ site: shop.site, store: shop.store, metric, days }).then(
      (view) => live && setTrend(view),
      (e: unknown) => live && setError(t('trend_error', { error: errorText(e) })),
    );
    return () => {
      live = false;
    };
  }, [shop?.site, shop?.store, metric, days, loadTrend]);

  if (!shop) return <p class="popup-muted">{t('trend_noShops')}</p>;
  const current =
    trend && trend.site === shop.site && trend.store === shop.store && trend.metric === metric && trend.days === days
      ? trend
      : null;

  return (
    <section class="trends" aria-busy={!current && !error}>
      <div class="trend-pickers">
        <label>
          <span>{t('trend_shop')}</span>
          <select class="popup-field" value={shopKey(shop)} onChange={(e) => setKey(e.currentTarget.value)}>
            {shops.map((s) => (
              <option key={shopKey(s)} value={shopKey(s)}>
                {s.store} · {siteName(t, s.site)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('trend_metric')}</span>
          <select class="popup-field" value={metric ?? ''} onChange={(e) => setMetric(e.currentTarget.value as MetricId)}>
            {shop.metrics.map((m) => (
              <option key={m} value={m}>
                {metricName(t, m)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="trend-range" role="group" aria-label={t('trend_range')}>
        {RANGES.map((d) => (
          <button type="button" key={d} aria-pressed={d === days} onClick={() => setDays(d)}>
            {t('trend_days', { days: d })}
          </button>
        ))}
      </div>
      {error && (
        <p class="popup-error" role="alert">
          {error}
        </p>
      )}
      {!error && !current && <p class="popup-muted">{t('review_loading')}</p>}
      {current && <TrendBody trend={current} store={shop.store} t={t} locale={locale} />}
      <Quality weeks={shop.quality} t={t} locale={locale} />
    </section>
  );
}

function defaultMetric(shop: ShopOverview | undefined): MetricId | null {
  if (!shop) return null;
  return shop.metrics.includes('sales') ? 'sales' : (shop.metrics[0] ?? null);
}

function TrendBody({ trend, store, t, locale }: { trend: TrendView; store: string; t: PopupTranslate; locale: Locale }) {
  const { metric, points } = trend;
  const column = (ps: readonly DailyPoint[] = []) => columnOf(metric, ps, (p) => p.value, locale, trend.currency);
  const value = column(points);
  // A rate's change is the difference of the two rates, in points (core/review/trends.ts).
  const change = (c: number) => (metricDef(metric).unit === 'rate' ? formatPoints(c, locale) : formatChange(c, locale));
  const date = (d: IsoDate) =>
    new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', timeZone: 'UTC' }).format(Date.parse(d));
  const name = metricName(t, metric);
  const series: ChartSeries[] = [
    ...(trend.peers ?? []).map((p): ChartSeries => ({ id: `peer:${p.peer}`, label: p.peer, kind: 'peer', points: p.points })),
    ...(trend.target ? [{ id: 'target', label: t('trend_target'), kind: 'target' as const, points: trend.target }] : []),
    { id: 'main', label: store, kind: 'main', points },
  ];
  const allDates = series.flatMap((s) => s.points.map((p) => p.date)).sort();

  const changes = (
    <dl class="trend-changes">
      {(
        [
          ['trend_wow', trend.weekOverWeek],
          ['trend_mom', trend.monthOverMonth],
        ] as const
      ).map(([label, c]) => (
        <div key={label}>
          <dt>{t(label)}</dt>
          <dd class={changeClass(c)}>{c === null ? '—' : change(c)}</dd>
        </div>
      ))}
    </dl>
  );
  if (points.length === 0) {
    return (
      <>
        {changes}
        <p class="popup-muted">{t('trend_noData')}</p>
      </>
    );
  }
  const lo = Math.min(...points.map((p) => p.value));
  const hi = Math.max(...points.map((p) => p.value));
  const summary = t('trend_summary', {
    metric: name,
    days: trend.days,
    first: value(points[0]!.value),
    firstDate: points[0]!.date,
    last: value(points.at(-1)!.value),
    lastDate: points.at(-1)!.date,
    min: value(lo),
    max: value(hi),
  });
  const targetByDate = new Map(trend.target?.map((p) => [p.date, p.value]));
  const peerByDate = (trend.peers ?? []).map((p) => new Map(p.points.map((q) => [q.date, q.value])));
  const targetValue = column(trend.target);
  const peerValues = (trend.peers ?? []).map((p) => column(p.points));
  const spend = trend.spend && spendColumns(trend.spend, trend.currency, locale);
  return (
    <>
      {changes}
      <figure class="trend-chart-figure">
        <LineChart
          series={series}
          band={trend.band}
          from={allDates[0]!}
          to={allDates.at(-1)!}
          formatTick={(v, ticks) => formatAxis(metric, ticks, locale, trend.currency)(v)}
          formatDate={date}
          summary={summary}
        />
        <figcaption class="trend-legend">
          <span class="trend-key main">{store}</span>
          {trend.target && <span class="trend-key target">{t('trend_target')}</span>}
          {trend.peers?.map((p) => (
            <span class="trend-key peer" key={p.peer}>
              {p.peer}
            </span>
          ))}
          {trend.band && (
            <>
              <span class="trend-key zone-warn">{t('trend_warnZone')}</span>
              <span class="trend-key zone-critical">{t('trend_criticalZone')}</span>
            </>
          )}
        </figcaption>
      </figure>
      {trend.spend && (
        <SpendTrendCharts
          trend={trend.spend}
          store={store}
          from={allDates[0]!}
          to={allDates.at(-1)!}
          formatDate={date}
          t={t}
          locale={locale}
        />
      )}
      {!!trend.peers?.length && <PeerLatest trend={trend} store={store} t={t} locale={locale} />}
      <details class="trend-values">
        <summary>{t('trend_values')}</summary>
        <table class="popup-table">
          <thead>
            <tr>
              <th scope="col">{t('trend_date')}</th>
              <th scope="col">{name}</th>
              {trend.target && <th scope="col">{t('trend_target')}</th>}
              {trend.peers?.map((p) => (
                <th scope="col" key={p.peer}>
                  {p.peer}
                </th>
              ))}
              {spend && (
                <>
                  <th scope="col">{t('spend_colSpend')}</th>
                  <th scope="col">{t('spend_colRoi')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={p.date}>
                <th scope="row">{p.date}</th>
                <td>{value(p.value)}</td>
                {trend.target && <td>{targetByDate.has(p.date) ? targetValue(targetByDate.get(p.date)!) : '—'}</td>}
                {peerByDate.map((m, i) => (
                  <td key={i}>{m.has(p.date) ? peerValues[i]!(m.get(p.date)!) : '—'}</td>
                ))}
                {spend && (
                  <>
                    <td data-col="spend">{spend.spend(p.date)}</td>
                    <td data-col="roi">{spend.roi(p.date)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}

/** The weekly page-quality check (`weeklyQuality`, core/review/trends.ts): bounce and depth, each with its level. */
function Quality({ weeks, t, locale }: { weeks: readonly WeeklyQuality[]; t: PopupTranslate; locale: Locale }) {
  const shown = [...weeks].sort((a, b) => b.week.localeCompare(a.week)).slice(0, QUALITY_WEEKS);
  const bounce = columnOf('bounceRate', shown, (w) => w.bounceRate, locale);
  const depth = columnOf('pagesPerVisit', shown, (w) => w.pagesPerVisit, locale);
  return (
    <section class="trend-quality" aria-labelledby="quality-title">
      <h3 id="quality-title">{t('trend_quality')}</h3>
      {shown.length === 0 ? (
        <p class="popup-muted">{t('trend_noQuality')}</p>
      ) : (
        <table class="popup-table">
          <thead>
            <tr>
              <th scope="col">{t('trend_week')}</th>
              <th scope="col">{metricName(t, 'bounceRate')}</th>
              <th scope="col">{metricName(t, 'pagesPerVisit')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((w) => (
              <tr key={w.week}>
                <th scope="row">{w.week}</th>
                <td>
                  <Level value={w.bounceRate === null ? null : bounce(w.bounceRate)} level={w.bounceLevel} t={t} />
                </td>
                <td>
                  <Level value={w.pagesPerVisit === null ? null : depth(w.pagesPerVisit)} level={w.depthLevel} t={t} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="popup-muted popup-small">{t('trend_qualityHelp')}</p>
    </section>
  );
}

function Level({ value, level, t }: { value: string | null; level: QualityLevel | null; t: PopupTranslate }) {
  if (value === null) return <span class="popup-muted">—</span>;
  return (
    <>
      <span class="popup-num">{value}</span> {level && <span class={`trend-level ${level}`}>{t(`quality_${level}`)}</span>}
    </>
  );
}
