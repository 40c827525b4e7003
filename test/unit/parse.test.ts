import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasDigit, parseNumber, type NumberKind, type ParsedNumber } from '../../core/parse';

interface Expect {
  currency?: string;
  signed?: boolean;
  decimals?: number;
}

type Row = [text: string, value: number, kind: NumberKind, extra?: Expect];

function check(text: string, value: number, kind: NumberKind, extra: Expect = {}): void {
  const got = parseNumber(text);
  expect(got, JSON.stringify(text)).not.toBeNull();
  const p = got as ParsedNumber;
  expect(p.value).toBe(value);
  expect(p.kind).toBe(kind);
  // currency is present exactly when the kind is money
  expect(p.currency).toBe(extra.currency);
  expect(p.signed).toBe(extra.signed ?? false);
  if (extra.decimals !== undefined) expect(p.decimals).toBe(extra.decimals);
}

const money = (currency: string, rest: Omit<Expect, 'currency'> = {}): Expect => ({ currency, ...rest });

describe('parseNumber: exact values the reader relies on', () => {
  it.each<Row>([
    ['72.31%', 0.7231, 'percent', { decimals: 2 }],
    ['1.2万', 12000, 'plain', { decimals: 1 }],
    ['3.4亿', 340000000, 'plain', { decimals: 1 }],
    ['¥1,234.56', 1234.56, 'money', money('CNY', { decimals: 2 })],
    ['NT$1,234', 1234, 'money', money('TWD', { decimals: 0 })],
    ['１２，３４５', 12345, 'plain', { decimals: 0 }],
    ['−3.2%', -0.032, 'percent', { signed: true, decimals: 1 }],
  ])('%s', (text, value, kind, extra) => check(text, value, kind, extra));
});

describe('parseNumber: plain numbers', () => {
  it.each<Row>([
    ['12,345', 12345, 'plain', { decimals: 0 }],
    ['12345', 12345, 'plain'],
    ['1.5', 1.5, 'plain', { decimals: 1 }],
    ['0', 0, 'plain', { decimals: 0 }],
    ['0.00', 0, 'plain', { decimals: 2 }],
    ['0.5', 0.5, 'plain'],
    ['1,234,567.89', 1234567.89, 'plain', { decimals: 2 }],
    ['2026', 2026, 'plain'],
    ['12 345', 12345, 'plain'],
    ['1 234 567', 1234567, 'plain'],
    ['1\u00A0234', 1234, 'plain'],
    ['1\u202F234', 1234, 'plain'],
    ['1\u2009234', 1234, 'plain'],
    ['1\u200B234', 1234, 'plain'],
    ['1\u200B,234', 1234, 'plain'],
    ['  12,345  ', 12345, 'plain'],
    ['\n\t 42 \n', 42, 'plain'],
    ['\u3000１２３\u3000', 123, 'plain'],
    ['\u200B65\u200B', 65, 'plain'],
    ['１２．５', 12.5, 'plain', { decimals: 1 }],
    ['1,234人', 1234, 'plain'],
    ['1,234 人', 1234, 'plain'],
    ['56次', 56, 'plain'],
    ['7件', 7, 'plain'],
    ['8笔', 8, 'plain'],
    ['9单', 9, 'plain'],
    ['10个', 10, 'plain'],
    ['11位', 11, 'plain'],
    ['1,234人次', 1234, 'plain'],
    ['12筆', 12, 'plain'],
    ['3單', 3, 'plain'],
    ['4個', 4, 'plain'],
    ['-12', -12, 'plain', { signed: true }],
    ['+12', 12, 'plain', { signed: true }],
    ['−1,234', -1234, 'plain', { signed: true }],
    ['1,234↑', 1234, 'plain', { signed: true }],
    ['－５', -5, 'plain', { signed: true }],
  ])('%j', (text, value, kind, extra) => check(text, value, kind, extra));
});

describe('parseNumber: magnitudes', () => {
  it.each<Row>([
    ['1.2万', 12000, 'plain', { decimals: 1 }],
    ['1.2萬', 12000, 'plain'],
    ['3.4亿', 340000000, 'plain'],
    ['3.4億', 340000000, 'plain'],
    ['1.23亿', 123000000, 'plain', { decimals: 2 }],
    ['12.34万', 123400, 'plain', { decimals: 2 }],
    ['0.01万', 100, 'plain'],
    ['1,234.5万', 12345000, 'plain'],
    ['1.2千', 1200, 'plain'],
    ['1.2K', 1200, 'plain'],
    ['1.2k', 1200, 'plain'],
    ['1.2M', 1200000, 'plain'],
    ['1.2B', 1.2e9, 'plain'],
    ['1.2w', 12000, 'plain'],
    ['1.2W', 12000, 'plain'],
    ['1.2 万', 12000, 'plain'],
    ['1.2万人', 12000, 'plain'],
    ['-1.5万', -15000, 'plain', { signed: true }],
    ['1.2万元', 12000, 'money', money('CNY', { decimals: 1 })],
    ['3.4亿元', 340000000, 'money', money('CNY')],
    ['¥1.2万', 12000, 'money', money('CNY')],
    ['$1.2K', 1200, 'money', money('USD')],
    ['$3.5M', 3500000, 'money', money('USD')],
    ['1.2K USD', 1200, 'money', money('USD')],
    ['１．２万', 12000, 'plain'],
  ])('%j', (text, value, kind, extra) => check(text, value, kind, extra));
});

describe('parseNumber: percentages', () => {
  it.each<Row>([
    ['65.30%', 0.653, 'percent', { decimals: 2 }],
    ['0.00%', 0, 'percent', { decimals: 2 }],
    ['100%', 1, 'percent', { decimals: 0 }],
    ['65.3 %', 0.653, 'percent', { decimals: 1 }],
    ['65.30％', 0.653, 'percent'],
    ['72.31 %', 0.7231, 'percent'],
    ['0.5%', 0.005, 'percent'],
    ['1,234.5%', 12.345, 'percent'],
    ['+3.2%', 0.032, 'percent', { signed: true }],
    ['-3.2%', -0.032, 'percent', { signed: true }],
    ['−3.2%', -0.032, 'percent', { signed: true }],
    ['↑3.2%', 0.032, 'percent', { signed: true }],
    ['↓3.2%', -0.032, 'percent', { signed: true }],
    ['▲3.2%', 0.032, 'percent', { signed: true }],
    ['▼3.2%', -0.032, 'percent', { signed: true }],
    ['↓ 3.2%', -0.032, 'percent', { signed: true }],
    ['3.2%↑', 0.032, 'percent', { signed: true }],
    ['3.2% ▼', -0.032, 'percent', { signed: true }],
    ['＋３．２％', 0.032, 'percent', { signed: true }],
    ['－3.2%', -0.032, 'percent', { signed: true }],
    ['-0.00%', 0, 'percent', { signed: true, decimals: 2 }],
  ])('%j', (text, value, kind, extra) => check(text, value, kind, extra));

  it('never yields negative zero', () => {
    expect(Object.is(parseNumber('-0.00%')?.value, 0)).toBe(true);
    expect(Object.is(parseNumber('▼0')?.value, 0)).toBe(true);
    expect(Object.is(parseNumber('-$0.00')?.value, 0)).toBe(true);
    expect(Object.is(parseNumber('-00:00')?.value, 0)).toBe(true);
  });
});

describe('parseNumber: money', () => {
  it.each<Row>([
    ['¥1,234.56', 1234.56, 'money', money('CNY')],
    ['￥1,234.56', 1234.56, 'money', money('CNY')],
    ['¥ 1,234', 1234, 'money', money('CNY')],
    ['CN¥88', 88, 'money', money('CNY')],
    ['88元', 88, 'money', money('CNY')],
    ['88.50 元', 88.5, 'money', money('CNY')],
    ['RMB 1234', 1234, 'money', money('CNY')],
    ['1234 RMB', 1234, 'money', money('CNY')],
    ['CNY 1,234', 1234, 'money', money('CNY')],
    ['$12.50', 12.5, 'money', money('USD', { decimals: 2 })],
    ['＄12.50', 12.5, 'money', money('USD')],
    ['US$12.50', 12.5, 'money', money('USD')],
    ['USD 12.50', 12.5, 'money', money('USD')],
    ['USD12.50', 12.5, 'money', money('USD')],
    ['1,234.56 USD', 1234.56, 'money', money('USD')],
    ['NT$1,234', 1234, 'money', money('TWD')],
    ['TWD 1,234', 1234, 'money', money('TWD')],
    ['HK$99', 99, 'money', money('HKD')],
    ['S$5.90', 5.9, 'money', money('SGD')],
    ['SGD\u00A05.90', 5.9, 'money', money('SGD')],
    ['RM12.90', 12.9, 'money', money('MYR')],
    ['€9.99', 9.99, 'money', money('EUR')],
    ['9.99 €', 9.99, 'money', money('EUR')],
    ['£9.99', 9.99, 'money', money('GBP')],
    ['₱1,299', 1299, 'money', money('PHP')],
    ['฿350', 350, 'money', money('THB')],
    ['₫150,000', 150000, 'money', money('VND')],
    ['150,000₫', 150000, 'money', money('VND')],
    ['Rp150,000', 150000, 'money', money('IDR')],
    ['R$49.90', 49.9, 'money', money('BRL')],
    ['A$20', 20, 'money', money('AUD')],
    ['C$20', 20, 'money', money('CAD')],
    ['CA$20', 20, 'money', money('CAD')],
    ['JP¥1,500', 1500, 'money', money('JPY')],
    ['1,500円', 1500, 'money', money('JPY')],
    ['JPY 1,500', 1500, 'money', money('JPY')],
    ['-$12.50', -12.5, 'money', money('USD', { signed: true })],
    ['$-12.50', -12.5, 'money', money('USD', { signed: true })],
    ['−¥3.20', -3.2, 'money', money('CNY', { signed: true })],
    ['+¥3.20', 3.2, 'money', money('CNY', { signed: true })],
    ['↑$3', 3, 'money', money('USD', { signed: true })],
    // accounting parentheses: a negative level, not a printed change
    ['($12.50)', -12.5, 'money', money('USD', { signed: false })],
    ['(CN¥1,234.50)', -1234.5, 'money', money('CNY', { signed: false })],
    ['（¥1,234）', -1234, 'money', money('CNY', { signed: false })],
    ['(1,234.56 USD)', -1234.56, 'money', money('USD', { signed: false })],
    // Europe's decimal comma, where it cannot be a thousands comma: dot groups before it, or € with 1–2 digits after
    ['317.594,29 €', 317594.29, 'money', money('EUR')],
    ['€1.234,50', 1234.5, 'money', money('EUR')],
    ['12,34 €', 12.34, 'money', money('EUR')],
  ])('%j', (text, value, kind, extra) => check(text, value, kind, extra));

  it('keeps a comma before three digits a thousands comma, and reads no decimal comma without a euro or dot groups', () => {
    expect(parseNumber('1,234 €')?.value).toBe(1234);
    expect(parseNumber('12,34')).toBeNull();
    expect(parseNumber('$12,34')).toBeNull();
    expect(parseNumber('1.234.567,8')?.value).toBe(1234567.8);
  });

  it('reads two dot groups or more as thousands groups, and one dot as a decimal point', () => {
    expect(parseNumber('Rp1.234.567')).toMatchObject({ value: 1234567, kind: 'money', currency: 'IDR' });
    expect(parseNumber('₫12.345.678')).toMatchObject({ value: 12345678, kind: 'money', currency: 'VND' });
    expect(parseNumber('1.234.567')?.value).toBe(1234567);
    expect(parseNumber('1.234')?.value).toBe(1.234);
    expect(parseNumber('2026.11.20')).toBeNull();
    expect(parseNumber('1.23.456')).toBeNull();
  });
});

describe('parseNumber: durations', () => {
  it.each<Row>([
    ['00:01:23', 83, 'duration', { decimals: 0 }],
    ['01:23', 83, 'duration'],
    ['1:02:03', 3723, 'duration'],
    ['10:00', 600, 'duration'],
    ['1m 23s', 83, 'duration'],
    ['1m23s', 83, 'duration'],
    ['0m 45s', 45, 'duration'],
    ['1m 05s', 65, 'duration'],
    ['2h 3m', 7380, 'duration'],
    ['1h 0m 5s', 3605, 'duration'],
    ['1 min 23 sec', 83, 'duration'],
    ['2 hrs', 7200, 'duration'],
    ['5m', 300, 'duration'],
    ['83s', 83, 'duration'],
    ['83 秒', 83, 'duration'],
    ['83秒', 83, 'duration'],
    ['1分23秒', 83, 'duration'],
    ['1 分 23 秒', 83, 'duration'],
    ['1分钟', 60, 'duration'],
    ['1分鐘23秒', 83, 'duration'],
    ['1小时2分', 3720, 'duration'],
    ['1小時2分', 3720, 'duration'],
    ['1时2分3秒', 3723, 'duration'],
    ['2.5秒', 2.5, 'duration', { decimals: 1 }],
    ['1.5h', 5400, 'duration', { decimals: 1 }],
    ['0.1h', 360, 'duration'],
    ['1m 2.25s', 62.25, 'duration', { decimals: 2 }],
    ['+00:00:05', 5, 'duration', { signed: true }],
    ['-12s', -12, 'duration', { signed: true }],
    ['１分２３秒', 83, 'duration'],
  ])('%j', (text, value, kind, extra) => check(text, value, kind, extra));
});

describe('parseNumber: rejects', () => {
  it.each([
    // placeholders
    '--',
    '-',
    '—',
    '–',
    'N/A',
    'n/a',
    'NA',
    '暂无',
    '无数据',
    '—%',
    '-%',
    '',
    ' ',
    '   ',
    '\u3000',
    '\u200B',
    // not numbers / not only a number
    'abc',
    '12abc',
    '12 abc',
    'abc12',
    '１２ａｂｃ',
    '12-34',
    '2026-11-25',
    '11/25',
    '1.2.3',
    '%',
    '¥',
    '$',
    '较前一日',
    '较前一日 3.2%',
    '+',
    '↑',
    'NaN',
    'Infinity',
    '-Infinity',
    '∞',
    '1e5',
    '1E5',
    '2e-3',
    '0x1F',
    '1_000',
    "12'345",
    '½',
    '10²',
    '①',
    '𝟏𝟐',
    '٣',
    // grouping
    '1,2',
    '1,23,4',
    '12,3456',
    '1,234,56',
    '1,2345',
    '0,123',
    ',123',
    '123,',
    '1,,234',
    '138 0013 8000',
    '12 34',
    '1 2',
    '1 234,56',
    // decimals and leading zeros
    '.5',
    '5.',
    '05',
    '007',
    '1..5',
    // signs
    '+-3',
    '↑-3',
    '-↓3',
    '–3.2%',
    '3.2%-',
    '3-',
    '--3',
    '↑3.2%↓',
    '(-$12)',
    '(+$12)',
    // malformed combinations
    '3.2%%',
    '%3.2',
    '¥$12',
    '¥12元',
    '$12 USD',
    '$12%',
    '¥12%',
    '1.2万%',
    '$12人',
    '12人元',
    '万',
    '1.2万万',
    '(12)',
    '(3.2%)',
    '($12',
    '$12)',
    'XYZ 12',
    '12 ABC',
    'usd 12',
    '12 usd',
    // durations that are something else or malformed
    '4.8分',
    '5分',
    '1h 75m',
    '1m 75s',
    '1.5m 3s',
    '1.5h 30m',
    '1:2:3',
    '00:60',
    '12:345',
    '1:23:',
    ':23',
    '1s 2m',
    '1秒2分',
    '12:30:00:00',
  ])('%j → null', (text) => {
    expect(parseNumber(text)).toBeNull();
  });

  it('rejects overlong text without looking at it further', () => {
    expect(parseNumber('1'.repeat(300))).toBeNull();
    expect(parseNumber(`1${' '.repeat(300)}`)).toEqual(parseNumber('1'));
  });
});

describe('hasDigit', () => {
  it.each([
    ['12', true],
    ['１２', true],
    ['abc3', true],
    ['访客数 1,234', true],
    ['①', true],
    ['²', true],
    ['𝟏', true],
    ['', false],
    ['abc', false],
    ['暂无', false],
    ['—', false],
    ['三', false],
    ['٣', false],
  ] as const)('%j → %s', (text, want) => {
    expect(hasDigit(text)).toBe(want);
  });

  // Fails when the runtime's Unicode adds digit compatibility forms the lookalike table lacks.
  it('agrees with NFKC for every code point', () => {
    const ascii = /[0-9]/;
    const misses: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      if (hasDigit(ch) !== ascii.test(ch.normalize('NFKC'))) misses.push(cp.toString(16));
    }
    expect(misses).toEqual([]);
  });

  it('agrees with NFKC on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(hasDigit(s)).toBe(/[0-9]/.test(s.normalize('NFKC')));
      }),
    );
  });
});

// ---- property-based round trips --------------------------------------------------------------

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Layout whitespace around and inside values, including the invisible kinds templated markup leaves. */
const padding = fc.string({
  unit: fc.constantFrom(' ', '\t', '\n', '\u00A0', '\u3000', '\u2009', '\u202F', '\u200B'),
  maxLength: 4,
});

const groupEnUS = (digits: string): string => BigInt(digits).toLocaleString('en-US');

/** Prints a non-negative integer `n` as a decimal with `d` digits after the point. */
function fixed(n: number, d: number, grouped: boolean): string {
  const s = String(n).padStart(d + 1, '0');
  const int = s.slice(0, s.length - d);
  const head = grouped ? groupEnUS(int) : int;
  return d > 0 ? `${head}.${s.slice(s.length - d)}` : head;
}

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', '.': '．', '%': '％', '-': '－', '+': '＋' };
function toFullWidth(s: string): string {
  return s
    .replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + c.charCodeAt(0) - 48))
    .replace(/[,.%+-]/g, (c) => FULL_WIDTH[c] ?? c);
}

function roundTrip(text: string): ParsedNumber {
  const got = parseNumber(text);
  if (got === null) throw new Error(`parseNumber(${JSON.stringify(text)}) returned null`);
  return got;
}

describe('parseNumber: round trips of back-office formats', () => {
  it('integers, grouped with Intl or bare, optionally full-width', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), fc.boolean(), padding, padding, (n, grouped, wide, a, b) => {
        let s = grouped ? n.toLocaleString('en-US') : String(n);
        if (wide) s = toFullWidth(s);
        const p = roundTrip(a + s + b);
        expect(p.value).toBe(n);
        expect(p.kind).toBe('plain');
        expect(p.decimals).toBe(0);
        expect(p.signed).toBe(n < 0);
      }),
    );
  });

  it('two-decimal amounts, exact', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.boolean(), fc.boolean(), padding, padding, (cents, grouped, wide, a, b) => {
        let s = (cents < 0 ? '-' : '') + fixed(Math.abs(cents), 2, grouped);
        if (wide) s = toFullWidth(s);
        const p = roundTrip(a + s + b);
        expect(p.value).toBe(cents / 100);
        expect(p.decimals).toBe(2);
        expect(p.kind).toBe('plain');
      }),
    );
  });

  it('percentages with 0-2 decimals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom('', ' '),
        fc.boolean(),
        padding,
        padding,
        (n, d, gap, wide, a, b) => {
          let s = `${n < 0 ? '-' : ''}${fixed(Math.abs(n), d, true)}${gap}%`;
          if (wide) s = toFullWidth(s);
          const p = roundTrip(a + s + b);
          const want = n / 10 ** d / 100;
          expect(p.kind).toBe('percent');
          expect(p.decimals).toBe(d);
          expect(Math.abs(p.value - want)).toBeLessThanOrEqual(Math.abs(want) * 1e-9);
          // the printed decimal is scaled exactly, not multiplied
          expect(p.value).toBe(Number(`${n}e-${d + 2}`));
        },
      ),
    );
  });

  it('money with a currency prefix and an optional sign', () => {
    const markers = fc.constantFrom(
      ['¥', 'CNY'],
      ['￥', 'CNY'],
      ['$', 'USD'],
      ['US$', 'USD'],
      ['NT$', 'TWD'],
      ['RM', 'MYR'],
      ['Rp', 'IDR'],
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        markers,
        fc.constantFrom('', ' ', '\u00A0'),
        fc.constantFrom<'before' | 'after'>('before', 'after'),
        padding,
        padding,
        (cents, [marker, code], gap, signAt, a, b) => {
          const amount = fixed(Math.abs(cents), 2, true);
          const sign = cents < 0 ? '-' : '';
          const s = signAt === 'before' ? `${sign}${marker}${gap}${amount}` : `${marker}${gap}${sign}${amount}`;
          const p = roundTrip(a + s + b);
          expect(p.value).toBe(cents / 100);
          expect(p.kind).toBe('money');
          expect(p.currency).toBe(code);
          expect(p.signed).toBe(cents < 0);
        },
      ),
    );
  });

  it('money as Intl prints it, including accounting negatives', () => {
    const styles = fc.constantFrom(
      ['en-US', 'USD'],
      ['en-US', 'TWD'],
      ['en-US', 'HKD'],
      ['en-US', 'EUR'],
      ['en-US', 'GBP'],
      ['en-US', 'CNY'],
      ['zh-CN', 'CNY'],
      ['zh-CN', 'JPY'],
      ['en-US', 'BRL'],
      ['en-US', 'AUD'],
      ['zh-CN', 'AUD'],
      ['en-US', 'CAD'],
      ['en-US', 'PHP'],
      ['en-US', 'VND'],
      ['en-US', 'SGD'],
      ['en-US', 'MYR'],
      ['en-US', 'THB'],
      ['en-US', 'IDR'],
      ['en-US', 'KRW'],
      ['en-US', 'INR'],
    );
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        styles,
        fc.constantFrom<'standard' | 'accounting'>('standard', 'accounting'),
        (cents, [locale, currency], currencySign) => {
          const text = new Intl.NumberFormat(locale, {
            style: 'currency',
            currency,
            currencySign,
            minimumFractionDigits: 2,
            maximumFractionDigits: 2,
          }).format(cents / 100);
          const p = roundTrip(text);
          expect(p.value).toBe(cents / 100);
          expect(p.currency).toBe(currency);
          expect(p.kind).toBe('money');
        },
      ),
    );
  });

  it('万 / 亿 / K / M / B / w multipliers, exact for ≤ 2 printed decimals', () => {
    const units = fc.constantFrom(['万', 4], ['亿', 8], ['w', 4], ['K', 3], ['M', 6], ['B', 9], ['千', 3]);
    const cases = fc.tuple(units, fc.integer({ min: 0, max: 2 })).chain(([[unit, exp], d]) =>
      fc.record({
        unit: fc.constant(unit),
        d: fc.constant(d),
        scale: fc.constant(10 ** (exp - d)),
        n: fc.integer({ min: 0, max: Math.floor(MAX_SAFE / 10 ** (exp - d)) }),
      }),
    );
    fc.assert(
      fc.property(cases, fc.boolean(), fc.boolean(), padding, padding, ({ unit, d, scale, n }, grouped, wide, a, b) => {
        let s = fixed(n, d, grouped) + unit;
        if (wide) s = toFullWidth(s);
        const p = roundTrip(a + s + b);
        expect(p.value).toBe(n * scale);
        expect(p.decimals).toBe(d);
        expect(p.kind).toBe('plain');
      }),
    );
  });

  it('万元 is CNY money', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 2 }), (n, d) => {
        const p = roundTrip(`${fixed(n, d, true)}万元`);
        expect(p.value).toBe(n * 10 ** (4 - d));
        expect(p.currency).toBe('CNY');
      }),
    );
  });

  it('durations printed as clock or units agree', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        (h, m, s) => {
          const two = (x: number) => String(x).padStart(2, '0');
          const want = h * 3600 + m * 60 + s;
          expect(roundTrip(`${two(h)}:${two(m)}:${two(s)}`).value).toBe(want);
          expect(roundTrip(`${h}h ${m}m ${s}s`).value).toBe(want);
          expect(roundTrip(`${h}小时${m}分${s}秒`).value).toBe(want);
          // m:ss carries at most three minute digits; longer spans are printed with hours
          if (h * 60 + m <= 999) expect(roundTrip(`${h * 60 + m}:${two(s)}`).value).toBe(want);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a sign or arrow in front negates or keeps the value and marks it signed', () => {
    const levels = fc.oneof(
      fc.maxSafeInteger().map((n) => Math.abs(n).toLocaleString('en-US')),
      fc.integer({ min: 0, max: 1e9 }).map((n) => `${fixed(n, 2, true)}%`),
      fc.integer({ min: 0, max: 1e9 }).map((n) => `¥${fixed(n, 2, true)}`),
      fc.integer({ min: 0, max: 1e6 }).map((n) => `${fixed(n, 1, false)}万`),
    );
    fc.assert(
      fc.property(levels, fc.constantFrom('-', '−', '↓', '▼', '+', '↑', '▲'), (s, mark) => {
        const level = roundTrip(s);
        const change = roundTrip(mark + s);
        const negative = '-−↓▼'.includes(mark);
        expect(level.signed).toBe(false);
        expect(change.signed).toBe(true);
        expect(change.kind).toBe(level.kind);
        expect(change.value).toBe(negative && level.value !== 0 ? -level.value : level.value);
      }),
    );
  });
});

describe('parseNumber: robustness', () => {
  const invariant = (s: string): void => {
    const p = parseNumber(s);
    if (p === null) return;
    expect(Number.isFinite(p.value)).toBe(true);
    expect(Object.is(p.value, -0)).toBe(false);
    expect(Number.isInteger(p.decimals) && p.decimals >= 0).toBe(true);
    expect(p.currency === undefined).toBe(p.kind !== 'money');
    expect(hasDigit(s)).toBe(true);
  };

  it('never throws and never yields NaN/Infinity on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), invariant), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), invariant), { numRuns: 1000 });
  });

  it('never throws and never yields NaN/Infinity on number-like noise', () => {
    const alphabet = [...'0123456789０１,.，．%％-−+↑↓▲▼ \u00A0¥$€元万亿KMBkwhms分秒小时:()人次eE'];
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 16 }), invariant), {
      numRuns: 5000,
    });
  });

  it('a number with letters appended or prepended is not a number', () => {
    // lowercase letters that are no unit or multiplier on their own (h, k, m, s, w are)
    const letters = fc.string({ unit: fc.constantFrom(...'abcdefgijlnopqrtuvxyz'), minLength: 1, maxLength: 5 });
    const numbers = fc.oneof(
      fc.maxSafeInteger().map((n) => n.toLocaleString('en-US')),
      fc.integer({ min: 0, max: 1e9 }).map((n) => `${fixed(n, 2, true)}%`),
      fc.integer({ min: 0, max: 1e9 }).map((n) => `$${fixed(n, 2, true)}`),
      fc.integer({ min: 0, max: 1e6 }).map((n) => `${fixed(n, 1, false)}万`),
      fc.integer({ min: 0, max: 3599 }).map((n) => `${Math.floor(n / 60)}:${String(n % 60).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(numbers, letters, fc.constantFrom('', ' '), (num, word, gap) => {
        expect(parseNumber(num)).not.toBeNull();
        expect(parseNumber(num + gap + word)).toBeNull();
        expect(parseNumber(word + gap + num)).toBeNull();
      }),
    );
  });
});
