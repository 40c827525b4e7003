import { SHOP_METRICS, metricDef, normalizeLabel, type MetricId } from '../metrics';
import { parseNumber } from '../parse';
import { hintOf, LabelMatcher, type LabelHint } from '../reader/labels';
import { AVERAGE_KEY, TOTAL_KEY } from '../reader/table';
import { siteById } from '../sites';
import type { Breakdown } from '../types';
import type { Cell, Grid, SheetGrid } from './grid';
import type { ColumnRole, PlannedDay, PlannedValue, Refusal, RefusalReason } from './types';

/**
 * A platform's report sheet read as days: where its header row is (past the title rows), what each
 * column is (the date, a breakdown, a metric of the one catalogue with the platform's own words and
 * never-map lists, or nothing), what the title rows say (shop, period, currency), and then every data
 * row as the values it will store or the reason it is refused. Precision first: a cell whose unit
 * cannot be told is refused, never guessed.
 */

/** Words in a report's title rows or headers that name its platform. Knowledge as data: first match wins. */
const SITE_SIGNALS: ReadonlyArray<readonly [site: string, signal: RegExp]> = [
  ['sycm', /生意参谋|生意參謀|淘宝|淘寶|天猫|天貓/],
  ['jd', /京东|京東|商智|成交客户数|成交单量/],
  ['douyin', /抖店|罗盘|羅盤|巨量/],
  ['pdd', /拼多多/],
  ['shopee', /shopee|蝦皮|虾皮/i],
  ['amazon', /amazon|unit session percentage|ordered product sales|\(child\) asin|sessions - total/i],
  ['ga4', /google analytics|engagement rate|average engagement time|^#\s*-{4,}/i],
  ['shopify', /shopify|online store sessions|online store conversion rate/i],
];

/** Header words of the date column: one row a day (or a week or month, which are refused as such). */
const DATE_HEADER =
  /^(?:统计日期|統計日期|日期|时间|時間|统计时间|統計時間|日|date|day|week|month|周|週|月份|月|年月|datetime)$/i;
/** Header words of a breakdown column: the rows are parts of the shop's total, by this dimension. */
const BREAKDOWN_HEADER =
  /^(?:流量来源|流量來源|来源|來源|来源名称|渠道|来源渠道|商品|商品名称|商品名稱|宝贝|寶貝|宝贝名称|商品id|sku|asin|\(parent\)asin|\(child\)asin|title|product|producttitle|trafficsource|source|channel|sessionsource|sessiondefaultchannelgroup|sessionsource\/medium|referrer|referrersource)$/i;
/** Title-row facts: `店铺名称：…`, `Store: …`, `币种：CNY`, `统计时间：2024-01-01 ~ 2024-12-31`. */
const SHOP_LINE = /^(?:店铺名称|店铺名|店铺|店舖名稱|店舖|商家名称|商家|shop name|shop|store name|store)\s*[:：]\s*(.{1,120})$/i;
const CURRENCY_LINE = /(?:币种|幣別|货币|貨幣|currency)\s*[:：]\s*([A-Za-z]{3}|人民币|人民幣|元)/i;
const PERIOD_LINE =
  /(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})\s*(?:~|～|至|到|-|–|—|to)\s*(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{8})/;
/** A cell that means "no number": blank, dashes, N/A. */
const NO_VALUE = /^(?:|-+|—+|–|--|n\/a|na|null|无|無|暂无|暫無|\/)$/i;

export interface ColumnMapping {
  index: number;
  /** The header as printed (a merged cell's text carried to each column it spans). */
  header: string;
  role: ColumnRole;
  metric?: MetricId;
  /** The unit the header names: (元), (%), (秒), (万). */
  hint?: LabelHint;
  /** Why an unmapped column is not a metric: a look-alike on the never-map lists, or no word we know. */
  unmapped?: 'lookalike' | 'unknown' | 'taken';
}

export interface Detection {
  sheet: string;
  /** 0-based row of the header. */
  headerRow: number;
  columns: ColumnMapping[];
  site?: string;
  store?: string;
  currency?: string;
  /** The period the title rows print, when they print one. */
  titlePeriod?: { start: string; end: string };
}

export interface Plan {
  days: PlannedDay[];
  refusals: Refusal[];
  /** Cells with no number (blank, `-`), not refusals. */
  empty: number;
  /** First and last day the stored rows hold. */
  period?: { start: string; end: string };
  /** Values to store. */
  valueCount: number;
}

export const cellText = (cell: Cell): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell).trim();

function matcherFor(site: string | undefined): LabelMatcher {
  const known = site ? siteById(site) : undefined;
  return new LabelMatcher(known?.metrics ?? SHOP_METRICS, known?.labels ?? {});
}

/** Which metric a header names, by the one vocabulary (catalogue, never-map list, the site's own words). */
export function headerMetric(header: string, matcher: LabelMatcher): { metric: MetricId | null; hint?: LabelHint } | null {
  const text = header.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const m = matcher.match(text);
  if (!m) return null;
  const hint = hintOf(text);
  return { metric: m.metric, ...(hint ? { hint } : {}) };
}

function roleWord(header: string): 'date' | 'breakdown' | null {
  const key = normalizeLabel(header);
  if (DATE_HEADER.test(key)) return 'date';
  if (BREAKDOWN_HEADER.test(key)) return 'breakdown';
  return null;
}

/** The platform a sheet's title rows and headers name, if any. */
export function detectSite(grid: Grid, headerRow: number): string | undefined {
  const text = grid
    .slice(0, headerRow + 1)
    .flat()
    .map(cellText)
    .join('\n');
  for (const [site, signal] of SITE_SIGNALS) if (new RegExp(signal.source, signal.flags + 'm').test(text)) return site;
  return undefined;
}

/**
 * The header row: of the first rows, the one whose cells name the most metrics and a date column. Title
 * rows (report name, 统计时间, shop) name none. A column whose header cell is empty takes the text above it
 * (a header merged down over two rows keeps its text in the top cell), and a cell merged across columns
 * gives its text to the empty cells to its right only above the header row, never in it.
 */
export function detect(sheet: SheetGrid, siteChoice?: string): Detection | null {
  const { grid } = sheet;
  const scan = Math.min(grid.length, 40);
  const generic = matcherFor(undefined);
  let best = -1;
  let bestScore = 0;
  for (let r = 0; r < scan; r++) {
    const row = grid[r] ?? [];
    let metrics = 0;
    let date = false;
    for (const cell of row) {
      if (typeof cell !== 'string') continue;
      const word = roleWord(cell);
      if (word === 'date') date = true;
      else if (headerMetric(cell, generic)?.metric) metrics++;
    }
    const above = (grid[r - 1] ?? []).some((c) => typeof c === 'string' && roleWord(c) === 'date');
    const score = metrics > 0 && (date || above) ? metrics + (date ? 1 : 0) : 0;
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  if (best < 0) return null;
  const site = siteChoice ?? detectSite(grid, best);
  const matcher = matcherFor(site);
  const headerCells = grid[best] ?? [];
  const width = Math.max(...grid.slice(best, best + 50).map((r) => r.length), headerCells.length);
  const columns: ColumnMapping[] = [];
  const taken = new Set<MetricId>();
  let hasDate = false;
  for (let c = 0; c < width; c++) {
    let header = cellText(headerCells[c] ?? null);
    if (!header && best > 0) header = cellText(grid[best - 1]?.[c] ?? null);
    const word = roleWord(header);
    if (word === 'date' && !hasDate) {
      hasDate = true;
      columns.push({ index: c, header, role: 'date' });
      continue;
    }
    if (word === 'breakdown') {
      columns.push({ index: c, header, role: 'breakdown' });
      continue;
    }
    const found = headerMetric(header, matcher);
    if (found?.metric && !taken.has(found.metric)) {
      taken.add(found.metric);
      columns.push({ index: c, header, role: 'metric', metric: found.metric, ...(found.hint ? { hint: found.hint } : {}) });
    } else
      columns.push({
        index: c,
        header,
        role: 'ignore',
        unmapped: found?.metric ? 'taken' : found ? 'lookalike' : 'unknown',
      });
  }
  if (!hasDate) return null;
  const facts = titleFacts(grid.slice(0, best));
  return { sheet: sheet.name, headerRow: best, columns, ...(site ? { site } : {}), ...facts };
}

/** Shop, currency and period from the title rows above the header. */
function titleFacts(rows: Grid): Pick<Detection, 'store' | 'currency' | 'titlePeriod'> {
  const out: Pick<Detection, 'store' | 'currency' | 'titlePeriod'> = {};
  for (const row of rows) {
    const cells = row.map(cellText).filter(Boolean);
    // A fact may be one cell ("店铺名称：某某旗舰店") or a label cell and a value cell.
    const lines = [...cells, ...cells.slice(0, -1).map((c, i) => `${c.replace(/[:：]\s*$/, '')}：${cells[i + 1]}`)];
    for (const line of lines) {
      const text = line.replace(/^#\s*/, '');
      const shop = SHOP_LINE.exec(text);
      if (shop && !out.store && !PERIOD_LINE.test(shop[1]!)) out.store = shop[1]!.trim();
      const currency = CURRENCY_LINE.exec(text);
      if (currency && !out.currency) out.currency = /^[A-Za-z]{3}$/.test(currency[1]!) ? currency[1]!.toUpperCase() : 'CNY';
      const period = PERIOD_LINE.exec(text);
      if (period && !out.titlePeriod) {
        const start = dayOfText(period[1]!);
        const end = dayOfText(period[2]!);
        if (start && end) out.titlePeriod = { start, end };
      }
      const ga4 = /^(start|end) date\s*:\s*(\d{8})$/i.exec(text);
      if (ga4) {
        const day = dayOfText(ga4[2]!);
        if (day) out.titlePeriod = { ...(out.titlePeriod ?? { start: day, end: day }), [ga4[1]!.toLowerCase()]: day };
      }
    }
  }
  return out;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function iso(y: number, m: number, d: number): string | null {
  if (y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** A day printed in a form with no order to guess (year first, month by name, 8 digits); null otherwise. */
function dayOfText(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return iso(+m[1]!, +m[2]!, +m[3]!);
  m = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[1]!.toLowerCase()]) return iso(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
  m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(t);
  if (m && MONTHS[m[2]!.toLowerCase()]) return iso(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
  return null;
}

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const WEEK_OR_MONTH = /^(?:\d{4}[-/.年]\d{1,2}月?|\d{4}-?W\d{1,2}|\d{4}年第?\d{1,2}周|[A-Za-z]{3,9}\s+\d{4}|\d{6})$/i;

/**
 * How a date column writes day and month when it writes "03/04/2024": decided by the column (a value
 * over 12 shows which is the day); undecidable columns refuse those rows rather than guess.
 */
function slashOrder(texts: string[]): 'md' | 'dm' | null {
  let md = false;
  let dm = false;
  for (const t of texts) {
    const m = SLASHED.exec(t);
    if (!m) continue;
    if (+m[1]! > 12) dm = true;
    if (+m[2]! > 12) md = true;
  }
  return md === dm ? null : md ? 'md' : 'dm';
}

/** Excel's day serial (1900 system) as a day: 45292 → 2024-01-01. */
function serialDay(n: number): string | null {
  if (!Number.isInteger(n) || n < 32874 || n > 110000) return null; // 1990 … 2201
  return new Date(Date.UTC(1899, 11, 30) + n * 86_400_000).toISOString().slice(0, 10);
}

type DayResult = { day: string } | { refuse: RefusalReason };

function dayOf(cell: Cell, order: 'md' | 'dm' | null): DayResult {
  if (cell instanceof Date) {
    const t = cell.getTime();
    return Number.isFinite(t) ? { day: cell.toISOString().slice(0, 10) } : { refuse: 'noDate' };
  }
  if (typeof cell === 'number') {
    const day = serialDay(cell) ?? dayOfText(String(cell));
    return day ? { day } : { refuse: 'noDate' };
  }
  const text = cellText(cell);
  if (!text) return { refuse: 'noDate' };
  const direct = dayOfText(text);
  if (direct) return { day: direct };
  const range = PERIOD_LINE.exec(text);
  if (range) {
    const a = dayOfText(range[1]!);
    const b = dayOfText(range[2]!);
    if (a && a === b) return { day: a };
    return { refuse: 'weekOrMonth' };
  }
  if (WEEK_OR_MONTH.test(text)) return { refuse: 'weekOrMonth' };
  const m = SLASHED.exec(text);
  if (m) {
    if (!order) return { refuse: 'dateOrder' };
    const [a, b] = [+m[1]!, +m[2]!];
    const day = order === 'md' ? iso(+m[3]!, a, b) : iso(+m[3]!, b, a);
    return day ? { day } : { refuse: 'noDate' };
  }
  return { refuse: 'noDate' };
}

const isTotal = (text: string): boolean =>
  TOTAL_KEY.test(text) || AVERAGE_KEY.test(text) || /^(?:总计|合计|合計|總計)[:：]?/.test(text);

type ValueResult = { value: number; currency?: string } | { refuse: RefusalReason } | null;

/**
 * One cell as the value of `metric`, its unit from the cell first and the header second. A typed
 * workbook number is taken as the workbook holds it (a percent cell holds its fraction); a bare number
 * under a rate header without (%) is a fraction only while the column's numbers all are (`fractions`).
 */
function valueOf(cell: Cell, column: ColumnMapping, typed: boolean, fractions: boolean, fallbackCurrency?: string): ValueResult {
  const metric = column.metric!;
  const unit = metricDef(metric).unit;
  const hint = column.hint ?? {};
  let value: number;
  let currency: string | undefined;
  let kind: 'percent' | 'money' | 'plain' | 'duration' = 'plain';
  let scaled = false;
  if (typeof cell === 'number' && typed) {
    if (!Number.isFinite(cell)) return { refuse: 'badNumber' };
    value = cell;
  } else if (typeof cell === 'boolean' || cell instanceof Date) return { refuse: 'badNumber' };
  else {
    const text = cellText(cell);
    if (NO_VALUE.test(text)) return null;
    const parsed = parseNumber(text);
    if (!parsed) return { refuse: 'badNumber' };
    if (parsed.signed && parsed.value < 0) return { refuse: 'negative' };
    value = parsed.value;
    kind = parsed.kind;
    scaled = !!parsed.scaled;
    if (parsed.currency && !parsed.bareDollar) currency = parsed.currency;
  }
  if (value < 0) return { refuse: 'negative' };
  if (kind === 'percent' && unit !== 'rate') return { refuse: 'wrongUnit' };
  if (kind === 'money' && unit !== 'money') return { refuse: 'wrongUnit' };
  if (kind === 'duration' && unit !== 'duration') return { refuse: 'wrongUnit' };
  if (kind === 'plain') {
    if (hint.percent) {
      if (unit !== 'rate') return { refuse: 'wrongUnit' };
      value = Number(`${value}e-2`);
    } else if (unit === 'rate' && !(typed && typeof cell === 'number') && !fractions) return { refuse: 'unitUnclear' };
    else if (unit === 'rate' && value > 1) return { refuse: 'unitUnclear' };
    if (hint.scale && !scaled) value = Math.round(value * hint.scale * 1e6) / 1e6;
    if (hint.seconds) {
      if (unit !== 'duration') return { refuse: 'wrongUnit' };
      value *= hint.seconds;
    }
  }
  if (unit === 'money') currency ??= hint.currency && hint.currency !== '$' ? hint.currency : fallbackCurrency;
  if (unit === 'count' && !Number.isInteger(value)) return { refuse: 'badNumber' };
  return currency ? { value, currency } : { value };
}

/** The currency of unmarked money: the title rows', else the platform's own (the Chinese back offices are CNY). */
function defaultCurrency(detection: Detection): string | undefined {
  if (detection.currency) return detection.currency;
  return detection.site === 'sycm' || detection.site === 'jd' || detection.site === 'douyin' || detection.site === 'pdd'
    ? 'CNY'
    : undefined;
}

/**
 * Every data row below the header as the days it will store, or refused with its reason. `latest` is the
 * last day a file may hold (tomorrow): a later one is a typing error, not a day.
 */
export function plan(sheet: SheetGrid, detection: Detection, latest: string): Plan {
  const { grid, typed } = sheet;
  const dateCol = detection.columns.find((c) => c.role === 'date');
  const breakdowns = detection.columns.filter((c) => c.role === 'breakdown');
  const metrics = detection.columns.filter((c) => c.role === 'metric' && c.metric);
  const rows = grid.slice(detection.headerRow + 1);
  const out: Plan = { days: [], refusals: [], empty: 0, valueCount: 0 };
  if (!dateCol) return out;
  const order = slashOrder(rows.map((r) => cellText(r[dateCol.index] ?? null)));
  // A rate column of bare numbers is read as fractions only when none is over 1.
  const fractions = new Map<number, boolean>();
  for (const col of metrics) {
    if (metricDef(col.metric!).unit !== 'rate' || col.hint?.percent) continue;
    fractions.set(
      col.index,
      rows.every((r) => {
        const p = parseNumber(cellText(r[col.index] ?? null));
        return !p || p.kind !== 'plain' || p.value <= 1;
      }),
    );
  }
  const currency = defaultCurrency(detection);
  const seen = new Set<string>();
  rows.forEach((cells, i) => {
    const rowNumber = detection.headerRow + 2 + i;
    const texts = cells.map(cellText);
    if (texts.every((t) => !t)) return;
    const dateText = texts[dateCol.index] ?? '';
    const key = breakdowns.map((b) => texts[b.index] ?? '').filter(Boolean);
    if (isTotal(dateText) || key.some(isTotal) || (!dateText && texts.some(isTotal))) {
      out.refusals.push({
        row: rowNumber,
        reason: 'total',
        text: key.find(isTotal) ?? (isTotal(dateText) ? dateText : texts.find(isTotal)),
      });
      return;
    }
    const day = dayOf(cells[dateCol.index] ?? null, order);
    if ('refuse' in day) {
      out.refusals.push({ row: rowNumber, reason: day.refuse, column: dateCol.header, text: dateText });
      return;
    }
    if (day.day > latest) {
      out.refusals.push({ row: rowNumber, reason: 'future', column: dateCol.header, text: dateText });
      return;
    }
    const breakdown: Breakdown | undefined =
      breakdowns.length > 0 && key.length > 0
        ? { dimension: breakdowns.map((b) => b.header).join(' / '), key: key.join(' / ') }
        : undefined;
    const identity = `${day.day}\u0000${breakdown?.dimension ?? ''}\u0000${breakdown?.key ?? ''}`;
    if (seen.has(identity)) {
      out.refusals.push({ row: rowNumber, reason: 'duplicate', column: dateCol.header, text: dateText });
      return;
    }
    seen.add(identity);
    const values: PlannedValue[] = [];
    for (const col of metrics) {
      const result = valueOf(cells[col.index] ?? null, col, typed, fractions.get(col.index) ?? true, currency);
      if (result === null) out.empty++;
      else if ('refuse' in result)
        out.refusals.push({ row: rowNumber, reason: result.refuse, column: col.header, text: texts[col.index] });
      else values.push({ metric: col.metric!, ...result });
    }
    if (values.length === 0) {
      if (!out.refusals.some((r) => r.row === rowNumber))
        out.refusals.push({ row: rowNumber, reason: 'noValues', text: dateText });
      return;
    }
    out.days.push({ row: rowNumber, date: day.day, ...(breakdown ? { breakdown } : {}), values });
    out.valueCount += values.length;
    if (!breakdown) {
      if (!out.period || day.day < out.period.start) out.period = { start: day.day, end: out.period?.end ?? day.day };
      if (day.day > out.period.end) out.period.end = day.day;
    }
  });
  return out;
}

/** A column's mapping changed by the operator: to a metric (taken from any other column), the date, a breakdown, or nothing. */
export function remap(detection: Detection, index: number, role: ColumnRole, metric?: MetricId): Detection {
  const columns = detection.columns.map((c) => {
    if (c.index === index) {
      const hint = role === 'metric' ? hintOf(c.header) : undefined;
      return {
        index: c.index,
        header: c.header,
        role,
        ...(role === 'metric' && metric ? { metric } : {}),
        ...(hint ? { hint } : {}),
      };
    }
    // One column per metric and one date column: the column that held it lets it go.
    if ((role === 'metric' && c.role === 'metric' && c.metric === metric) || (role === 'date' && c.role === 'date'))
      return { index: c.index, header: c.header, role: 'ignore' as const, unmapped: 'taken' as const };
    return c;
  });
  return { ...detection, columns };
}
