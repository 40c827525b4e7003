/**
 * Turns one printed number from a back-office page into a value, a kind and enough shape
 * information (sign, decimals, currency) for the reader to judge what it is looking at.
 *
 * The parser is strict on purpose: the whole text must be a single number expression. The
 * reader walks every text node on a page, and a lenient parser would turn dates, phone numbers,
 * order ids and prose into metrics. Anything doubtful is `null`; the caller never has to guard
 * against NaN, Infinity or a 0 that was really a placeholder.
 */

export type NumberKind = 'percent' | 'money' | 'plain' | 'duration';

export interface ParsedNumber {
  /** percent → fraction (65.30% → 0.653); money → major units; duration → seconds; plain → the number */
  value: number;
  kind: NumberKind;
  /** ISO 4217 code when a currency marker was printed (money only) */
  currency?: string;
  /** true when an explicit sign or arrow was printed: looks like a change, not a level */
  signed: boolean;
  /** true when a magnitude (万, 亿, K, M …) was printed: the value is already scaled */
  scaled?: true;
  /** true when the only currency marker was a bare "$", which is the local dollar of the page's market */
  bareDollar?: true;
  /** digits printed after the decimal point (before any 万/K multiplier), e.g. "65.30%" → 2 */
  decimals: number;
}

/*
 * Every code point whose NFKC form contains an ASCII digit, except 0-9 and the full-width digits
 * (superscripts, circled numbers, ㎡-style units, mathematical digits…), as of Unicode 17.
 * `hasDigit` needs them to honour "a digit after NFKC" without paying for `normalize`;
 * `parseNumber` refuses them, because "10²" would otherwise normalize to 102 and "①" to 1.
 */
const DIGIT_LOOKALIKES =
  '\\u00B2\\u00B3\\u00B9\\u00BC-\\u00BE\\u2070\\u2074-\\u2079\\u2080-\\u2089\\u2150-\\u215F\\u2189' +
  '\\u2460-\\u249B\\u24EA\\u3251-\\u325F\\u32B1-\\u32CB\\u3358-\\u3370\\u3378\\u3379\\u339F-\\u33A6' +
  '\\u33A8\\u33AF\\u33E0-\\u33FE\\u{1CCF0}-\\u{1CCF9}\\u{1D7CE}-\\u{1D7FF}\\u{1F100}-\\u{1F10A}' +
  '\\u{1FBF0}-\\u{1FBF9}';

const HAS_DIGIT_RE = new RegExp(`[0-9\\uFF10-\\uFF19${DIGIT_LOOKALIKES}]`, 'u');
const LOOKALIKE_RE = new RegExp(`[${DIGIT_LOOKALIKES}]`, 'u');
const DIGIT_OR_FULLWIDTH_RE = /[0-9\uFF10-\uFF19]/;
const ASCII_DIGIT_RE = /[0-9]/;
const NON_ASCII_RE = /[^\x00-\x7F]/;
/** Invisible formatting characters that survive NFKC: zero-width, soft hyphen, bidi marks. */
const INVISIBLE_RE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const WHITESPACE_RE = /\s/;
const WHITESPACE_RUN_RE = /\s+/g;
/** A space survives only between two digits, where it is a thousands separator ("12 345"). */
const NON_GROUPING_SPACE_RE = /(?<!\d) | (?!\d)/g;
const GROUP_SEPARATOR_RE = /[, ]/g;

/** Past this the text is a paragraph or a layout container, not a number. */
const MAX_RAW_LENGTH = 256;
const MAX_COMPACT_LENGTH = 64;

/*
 * Number grammar, applied to the text after NFKC with whitespace removed (except a single space
 * between digits):
 *   ( sign? prefix-currency? sign? integer fraction? magnitude? suffix? trailing-arrow? )
 * Groups: 1 "(", 2 sign, 3 prefix currency, 4 sign, 5 integer, 6 fraction, 7 magnitude,
 * 8 suffix (%, currency, count word), 9 trailing arrow, 10 ")".
 * The integer allows grouping only in threes after a 1-3 digit head and no leading zeros, so
 * ids, phone numbers and "1,2" fall out here rather than in post-checks.
 */
const NUMBER_RE =
  /^(\()?([-+−↑↓▲▼])?([A-Z]{3}|US\$|NT\$|HK\$|CA\$|AU\$|MX\$|NZ\$|S\$|A\$|C\$|R\$|CN¥|JP¥|RM|Rp|[¥$€£₱฿₫₩₹])?([-+−↑↓▲▼])?(0|[1-9]\d{0,2}(?:,\d{3})+|[1-9]\d{0,2}(?: \d{3})+|[1-9]\d*)(?:\.(\d+))?([万萬亿億千KkMBwW])?(%|元|円|[A-Z]{3}|[¥$€£₱฿₫₩₹]|人次|[人次件笔筆单單个個位])?([↑↓▲▼])?(\))?$/;

/*
 * Duration grammar: clock form (h:mm:ss or m:ss) or unit form with hours, minutes and seconds in
 * that order, each optional. Groups: 1 sign, 2-4 clock parts, 5/6 hours, 7/8 minutes,
 * 9/10 seconds, 11 trailing arrow.
 */
const DURATION_RE =
  /^([-+−↑↓▲▼])?(?:(\d{1,3})(?::([0-5]\d))?:([0-5]\d)|(?:(\d+(?:\.\d+)?)(小时|小時|时|時|hrs?|h))?(?:(\d+(?:\.\d+)?)(分钟|分鐘|分|mins?|m))?(?:(\d+(?:\.\d+)?)(秒钟|秒鐘|秒|secs?|s))?)([↑↓▲▼])?$/;

/** Every duration carries one of these; it spares dates and ids a second regex run. */
const DURATION_HINT_RE = /[:hms时時分秒]/;

const ISO_CURRENCIES: Readonly<Record<string, string>> = {
  CNY: 'CNY',
  RMB: 'CNY',
  USD: 'USD',
  TWD: 'TWD',
  HKD: 'HKD',
  SGD: 'SGD',
  MYR: 'MYR',
  EUR: 'EUR',
  GBP: 'GBP',
  PHP: 'PHP',
  THB: 'THB',
  VND: 'VND',
  IDR: 'IDR',
  BRL: 'BRL',
  AUD: 'AUD',
  CAD: 'CAD',
  JPY: 'JPY',
  KRW: 'KRW',
  INR: 'INR',
  MXN: 'MXN',
  NZD: 'NZD',
};

/** The currency codes a number may print before or after it ("CNY 1.59", "1,234 USD"); any other capitals are words ("ROI 4.16"). */
export const CURRENCY_CODES: readonly string[] = Object.keys(ISO_CURRENCIES);

const CURRENCY_MARKERS: Readonly<Record<string, string>> = {
  ...ISO_CURRENCIES,
  // A bare ¥ is read as CNY: the Chinese back offices print it far more often than Japanese ones.
  '¥': 'CNY',
  'CN¥': 'CNY',
  元: 'CNY',
  // A bare $ is ambiguous (TWD, SGD, CAD… all print it); USD is the least surprising guess.
  $: 'USD',
  US$: 'USD',
  NT$: 'TWD',
  HK$: 'HKD',
  S$: 'SGD',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  MX$: 'MXN',
  NZ$: 'NZD',
  R$: 'BRL',
  RM: 'MYR',
  Rp: 'IDR',
  '€': 'EUR',
  '£': 'GBP',
  '₱': 'PHP',
  '฿': 'THB',
  '₫': 'VND',
  '₩': 'KRW',
  '₹': 'INR',
  'JP¥': 'JPY',
  円: 'JPY',
};

const MAGNITUDE_EXPONENT: Readonly<Record<string, number>> = {
  千: 3,
  K: 3,
  k: 3,
  万: 4,
  萬: 4,
  w: 4,
  W: 4,
  M: 6,
  亿: 8,
  億: 8,
  B: 9,
};

const COUNT_WORDS: ReadonlySet<string> = new Set(['人', '人次', '次', '件', '笔', '筆', '单', '單', '个', '個', '位']);

function isNegativeMark(mark: string): boolean {
  return mark === '-' || mark === '−' || mark === '↓' || mark === '▼';
}

/** True when the text contains at least one digit (after NFKC) — a cheap pre-filter used on hot paths. */
export function hasDigit(text: string): boolean {
  return HAS_DIGIT_RE.test(text);
}

export function parseNumber(text: string): ParsedNumber | null {
  let s = text.trim();
  if (s.length === 0 || s.length > MAX_RAW_LENGTH) return null;
  if (NON_ASCII_RE.test(s)) {
    if (!DIGIT_OR_FULLWIDTH_RE.test(s) || LOOKALIKE_RE.test(s)) return null;
    s = s.normalize('NFKC').replace(INVISIBLE_RE, '');
  } else if (!ASCII_DIGIT_RE.test(s)) {
    return null;
  }
  if (WHITESPACE_RE.test(s)) {
    s = s.replace(WHITESPACE_RUN_RE, ' ').replace(NON_GROUPING_SPACE_RE, '');
  }
  if (s.length > MAX_COMPACT_LENGTH) return null;
  return parseAmount(s) ?? decimalComma(s) ?? (DURATION_HINT_RE.test(s) ? parseDuration(s) : null);
}

/**
 * Money as Europe and Shopee's Indonesia, Vietnam and Brazil print it, with dot groups and a decimal
 * comma: "317.594,29 €", "12,34 €", "R$1.234,56", "Rp1.234.567". Read only where the comma cannot be
 * a thousands separator: dot groups before it, or a
 * euro sign with one or two digits after it; "1,234" stays one thousand two hundred and thirty-four.
 */
const DECIMAL_COMMA_RE = /^(\D*?)([1-9]\d{0,2}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?(\D*)$/;

function decimalComma(s: string): ParsedNumber | null {
  const m = DECIMAL_COMMA_RE.exec(s);
  if (!m) return null;
  const [, before = '', integer = '', fraction, after = ''] = m;
  const groups = integer.split('.').length - 1;
  // "Rp1.234.567", "₫12.345.678": two dots or more are thousands groups whatever the market (one dot may be a decimal point).
  if (fraction === undefined) return groups >= 2 ? parseAmount(`${before}${integer.replace(/\./g, '')}${after}`) : null;
  if (!groups && !`${before}${after}`.includes('€')) return null;
  return parseAmount(`${before}${integer.replace(/\./g, '')}.${fraction}${after}`);
}

function parseAmount(s: string): ParsedNumber | null {
  const m = NUMBER_RE.exec(s);
  if (m === null) return null;
  const [, open, leadSign, prefix, innerSign, integer = '', fraction, magnitude, suffix, arrow, close] = m;

  const marks = (leadSign ? 1 : 0) + (innerSign ? 1 : 0) + (arrow ? 1 : 0);
  if (marks > 1) return null;
  const mark = leadSign ?? innerSign ?? arrow;

  let kind: NumberKind = 'plain';
  let currency: string | undefined;
  if (prefix !== undefined) {
    currency = CURRENCY_MARKERS[prefix];
    if (currency === undefined) return null;
    kind = 'money';
  }
  if (suffix !== undefined) {
    if (suffix === '%') {
      if (kind === 'money' || magnitude !== undefined) return null;
      kind = 'percent';
    } else if (COUNT_WORDS.has(suffix)) {
      if (kind === 'money') return null;
    } else {
      if (kind === 'money') return null;
      currency = CURRENCY_MARKERS[suffix];
      if (currency === undefined) return null;
      kind = 'money';
    }
  }

  // Accounting parentheses mark a negative level in money columns; around a bare number they
  // are usually a count badge ("Orders (12)"), so they are refused there.
  const parenthesized = open !== undefined;
  if (parenthesized !== (close !== undefined)) return null;
  if (parenthesized && (kind !== 'money' || mark !== undefined)) return null;

  const digits = integer.length > 3 ? integer.replace(GROUP_SEPARATOR_RE, '') : integer;
  let exponent = magnitude !== undefined ? (MAGNITUDE_EXPONENT[magnitude] ?? 0) : 0;
  if (kind === 'percent') exponent -= 2;
  // Scaling through the decimal exponent keeps the value the correctly rounded double of what was
  // printed: "72.31%" is exactly 0.7231 and "1.2万" exactly 12000, with no multiply/divide error.
  const literal = fraction !== undefined ? `${digits}.${fraction}` : digits;
  const magnitudeValue = Number(exponent !== 0 ? `${literal}e${exponent}` : literal);
  if (!Number.isFinite(magnitudeValue)) return null;

  const negative = parenthesized || (mark !== undefined && isNegativeMark(mark));
  const result: ParsedNumber = {
    value: negative && magnitudeValue !== 0 ? -magnitudeValue : magnitudeValue,
    kind,
    signed: mark !== undefined,
    decimals: fraction?.length ?? 0,
  };
  if (currency !== undefined) result.currency = currency;
  if (magnitude !== undefined) result.scaled = true;
  if (prefix === '$' || (prefix === undefined && suffix === '$')) result.bareDollar = true;
  return result;
}

function parseDuration(s: string): ParsedNumber | null {
  const m = DURATION_RE.exec(s);
  if (m === null) return null;
  const [, leadSign, clockFirst, clockMiddle, clockLast, hours, , minutes, minuteUnit, seconds, , arrow] = m;
  if (leadSign !== undefined && arrow !== undefined) return null;
  const mark = leadSign ?? arrow;

  let total: number;
  let decimals = 0;
  if (clockLast !== undefined) {
    const first = Number(clockFirst);
    total =
      clockMiddle !== undefined ? first * 3600 + Number(clockMiddle) * 60 + Number(clockLast) : first * 60 + Number(clockLast);
  } else {
    if (hours === undefined && minutes === undefined && seconds === undefined) return null;
    // A lone "4.8分" is a rating score far more often than a duration; minutes written with the
    // bare 分 count only next to hours or seconds.
    if (minuteUnit === '分' && hours === undefined && seconds === undefined) return null;
    // Only the smallest printed unit may carry a fraction ("1.5h" yes, "1.5h 3m" no).
    const last = seconds ?? minutes ?? hours ?? '';
    if (seconds !== undefined && minutes?.includes('.')) return null;
    if ((seconds !== undefined || minutes !== undefined) && hours?.includes('.')) return null;
    // Once a larger unit is printed, the smaller ones are clock-like and must stay below 60.
    const h = hours !== undefined ? Number(hours) : 0;
    const min = minutes !== undefined ? Number(minutes) : 0;
    const sec = seconds !== undefined ? Number(seconds) : 0;
    if (minutes !== undefined && hours !== undefined && min >= 60) return null;
    if (seconds !== undefined && (hours !== undefined || minutes !== undefined) && sec >= 60) return null;
    total = h * 3600 + min * 60 + sec;
    const dot = last.indexOf('.');
    if (dot >= 0) {
      decimals = last.length - dot - 1;
      // Fractional hours/minutes multiply into binary noise (0.1h → 360.00000000000006).
      total = Math.round(total * 1e6) / 1e6;
    }
  }
  if (!Number.isFinite(total)) return null;

  const negative = mark !== undefined && isNegativeMark(mark);
  return {
    value: negative && total !== 0 ? -total : total,
    kind: 'duration',
    signed: mark !== undefined,
    decimals,
  };
}
