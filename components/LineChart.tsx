import './LineChart.css';
import type { DailyPoint, IsoDate } from '@/core/review/types';

export interface ChartSeries {
  id: string;
  label: string;
  kind: 'main' | 'target' | 'peer';
  points: readonly DailyPoint[];
}

export interface ChartBand {
  direction: 'above' | 'below';
  warn: number;
  critical: number;
}

/** The popup's content width inside the chart's 1px frame: one viewBox unit is one CSS pixel, so text and lines are never scaled. */
export const CHART_WIDTH = 370;
export const CHART_HEIGHT = 176;
const PAD = { top: 8, right: 10, bottom: 20, left: 48 };
const DAY_MS = 86_400_000;

/**
 * A small line chart in SVG: one series per line, the rule's warning and critical zones behind them.
 * Days without a reading leave a gap in time (the x axis is the calendar), never a made-up value.
 * Lines keep their width at any zoom (vector-effect: non-scaling-stroke).
 */
export function LineChart({
  series,
  band,
  from,
  to,
  formatTick,
  formatDate,
  summary,
}: {
  series: readonly ChartSeries[];
  band?: ChartBand;
  from: IsoDate;
  to: IsoDate;
  /** A y-axis label, given all the axis's ticks (so they share one number of decimals). */
  formatTick: (value: number, ticks: readonly number[]) => string;
  formatDate: (date: IsoDate) => string;
  /** What the chart says in one sentence, for screen readers. */
  summary: string;
}) {
  const t0 = Date.parse(from);
  const span = Math.max(1, (Date.parse(to) - t0) / DAY_MS);
  const plotW = CHART_WIDTH - PAD.left - PAD.right;
  const plotH = CHART_HEIGHT - PAD.top - PAD.bottom;
  const values = series.flatMap((s) => s.points.map((p) => p.value));
  // The band's lines and some room past the critical one, so the critical zone always shows.
  if (band) values.push(band.warn, band.critical, band.critical + (band.critical - band.warn) / 2);
  const { min, max, ticks } = niceScale(Math.min(...values), Math.max(...values));
  const x = (date: IsoDate) => PAD.left + ((Date.parse(date) - t0) / DAY_MS / span) * plotW;
  const y = (value: number) => PAD.top + (1 - (value - min) / (max - min)) * plotH;
  const clampY = (value: number) => y(Math.min(max, Math.max(min, value)));

  const zones: Array<{ kind: 'warn' | 'critical'; lo: number; hi: number }> = !band
    ? []
    : band.direction === 'above'
      ? [
          { kind: 'warn', lo: band.warn, hi: band.critical },
          { kind: 'critical', lo: band.critical, hi: max },
        ]
      : [
          { kind: 'warn', lo: band.critical, hi: band.warn },
          { kind: 'critical', lo: min, hi: band.critical },
        ];
  const xTicks = dateTicks(from, to);
  const main = series.find((s) => s.kind === 'main');
  const last = main?.points.at(-1);

  return (
    <svg
      class="chart"
      viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
      width={CHART_WIDTH}
      height={CHART_HEIGHT}
      role="img"
      aria-label={summary}
    >
      {zones.map((z) => (
        <rect
          key={z.kind}
          class={`chart-zone ${z.kind}`}
          x={PAD.left}
          width={plotW}
          y={clampY(z.hi)}
          height={Math.max(0, clampY(z.lo) - clampY(z.hi))}
        />
      ))}
      {ticks.map((v) => (
        <g key={v} class="chart-tick">
          <line x1={PAD.left} x2={CHART_WIDTH - PAD.right} y1={crisp(y(v))} y2={crisp(y(v))} vector-effect="non-scaling-stroke" />
          <text x={PAD.left - 6} y={y(v)} dy="0.32em" text-anchor="end">
            {formatTick(v, ticks)}
          </text>
        </g>
      ))}
      {xTicks.map((d, i) => (
        <text
          key={d}
          class="xlabel"
          x={x(d)}
          y={CHART_HEIGHT - 5}
          text-anchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
        >
          {formatDate(d)}
        </text>
      ))}
      {series.map((s) =>
        segments(s.points, span > 7 ? 1 : 0).map((seg, i) => (
          <polyline
            key={`${s.id}-${i}`}
            class={`chart-line ${s.kind}`}
            data-series={s.id}
            points={seg.map((p) => `${round(x(p.date))},${round(y(p.value))}`).join(' ')}
            vector-effect="non-scaling-stroke"
          />
        )),
      )}
      {main &&
        (span <= 31 ? main.points : last ? [last] : []).map((p) => (
          <circle key={p.date} class="chart-dot" cx={round(x(p.date))} cy={round(y(p.value))} r={p === last ? 3 : 2} />
        ))}
    </svg>
  );
}

/**
 * Splits a series where days are missing, so a gap in the data shows as a gap in the line.
 * `tolerance` missing days in a row are bridged (a long range with one unread day stays one line).
 */
export function segments(points: readonly DailyPoint[], tolerance: number): DailyPoint[][] {
  const out: DailyPoint[][] = [];
  let current: DailyPoint[] = [];
  for (const p of points) {
    const prev = current.at(-1);
    if (prev && (Date.parse(p.date) - Date.parse(prev.date)) / DAY_MS > tolerance + 1) {
      out.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Round numbers for the y axis (1, 2, 2.5 or 5 × 10ⁿ steps) that cover [lo, hi] in about four steps. */
export function niceScale(lo: number, hi: number): { min: number; max: number; ticks: number[] } {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, ticks: [0, 0.5, 1] };
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = min; v <= max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min, max, ticks };
}

/** Every day of a week; over longer spans first, last and three evenly spaced dates, so labels never collide. */
function dateTicks(from: IsoDate, to: IsoDate): IsoDate[] {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
  const count = days <= 7 ? days : 4;
  if (count === 0) return [from];
  return Array.from({ length: count + 1 }, (_, i) =>
    new Date(Date.parse(from) + Math.round((days * i) / count) * DAY_MS).toISOString().slice(0, 10),
  );
}

/** A 1px line drawn on a pixel's centre, not across two pixels' edge. */
function crisp(v: number): number {
  return Math.floor(v) + 0.5;
}

/** Half-pixel precision keeps 1px lines crisp without long decimals in the markup. */
function round(v: number): number {
  return Math.round(v * 2) / 2;
}
