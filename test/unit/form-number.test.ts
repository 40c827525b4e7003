import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatFormNumber, readFormNumber, type NumberField } from '@/core/form-number';

const FIELDS: NumberField[] = [{}, { amount: true }, { percent: true }, { amount: true, percent: true }];
const value = (text: string, field: NumberField = {}) => readFormNumber(text, field);

describe('numbers typed into forms', () => {
  it('reads thousands separators as people type them', () => {
    expect(value('1,000', { amount: true })).toEqual({ value: 1000 });
    expect(value('300,000', { amount: true })).toEqual({ value: 300000 });
    expect(value('1,000,000')).toEqual({ value: 1_000_000 });
    expect(value('12,345.67')).toEqual({ value: 12345.67 });
    expect(value('1 000')).toEqual({ value: 1000 });
    expect(value('1\u202f000,5')).toEqual({ value: 1000.5 });
    expect(value('1.234,5')).toEqual({ value: 1234.5 });
    expect(value("1'234.5")).toEqual({ value: 1234.5 });
    expect(value('1_000')).toEqual({ value: 1000 });
  });

  it('folds full-width digits and punctuation', () => {
    expect(value('１２，３４５．６')).toEqual({ value: 12345.6 });
    expect(value('２，５')).toEqual({ value: 2.5 });
    expect(value('１２％', { percent: true })).toEqual({ value: 12 });
    expect(value('１\u3000０００')).toEqual({ value: 1000 });
  });

  it('reads a decimal comma only where it cannot be a thousands separator', () => {
    expect(value('2,5')).toEqual({ value: 2.5 });
    expect(value('2,50')).toEqual({ value: 2.5 });
    expect(value('0,125')).toEqual({ value: 0.125 });
    expect(value('1234,567')).toEqual({ value: 1234.567 });
    expect(value('2,5', { amount: true })).toEqual({ value: 2.5 });
  });

  it('refuses what reads two ways instead of guessing', () => {
    expect(value('2,500')).toEqual({ problem: 'ambiguous' });
    expect(value('1,000')).toEqual({ problem: 'ambiguous' });
    expect(value('1,000', { percent: true })).toEqual({ problem: 'ambiguous' });
    expect(value('2.500')).toEqual({ problem: 'ambiguous' });
    expect(value('1.000', { amount: true })).toEqual({ problem: 'ambiguous' });
  });

  it('takes a % only in a rate field, where it changes nothing', () => {
    expect(value('12.5%', { percent: true })).toEqual({ value: 12.5 });
    expect(value('12.5 %', { percent: true })).toEqual({ value: 12.5 });
    expect(value('12%')).toEqual({ problem: 'percent' });
    expect(value('%', { percent: true })).toEqual({ problem: 'malformed' });
  });

  it('says what is wrong with anything else', () => {
    expect(value('')).toEqual({ problem: 'empty' });
    expect(value('   ')).toEqual({ problem: 'empty' });
    for (const text of [
      'abc',
      '1e3',
      '1,,000',
      '1,00,000',
      '1,000,5',
      '1.5,2',
      '12 34',
      '1 0000',
      '1,5 000',
      '.',
      '5.',
      'Infinity',
      '-',
      '1..2',
    ])
      expect(value(text), text).toEqual({ problem: 'malformed' });
  });

  it('keeps the sign for the form to judge', () => {
    expect(value('-5')).toEqual({ value: -5 });
    expect(value('−1,5')).toEqual({ value: -1.5 });
    expect(value('+3')).toEqual({ value: 3 });
    expect(value('-0')).toEqual({ value: 0 });
  });

  it('reads back every number a form shows, in every kind of field', () => {
    const shown = fc.oneof(
      fc.double({ min: 0, max: 1e12, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6),
      fc.integer({ min: 0, max: 999 }).chain((i) => fc.integer({ min: 0, max: 999 }).map((f) => i + f / 1000)),
    );
    fc.assert(
      fc.property(shown, fc.constantFrom(...FIELDS), (x, field) => {
        expect(readFormNumber(formatFormNumber(x), field)).toEqual({ value: x });
      }),
    );
  });

  it('never reads a formatted number as another one (no factor of 1000 slips through)', () => {
    // Numbers as the browser formats them in locales that group and mark decimals differently
    // (en, zh: 1,234.5; de: 1.234,5; fr: 1 234,5; de-CH: 1’234.5; en-IN: 1,23,456): either the same
    // number comes back, or the text is refused. Amounts (money, counts) have at most two decimals:
    // that is what lets "1,000" be a thousand there.
    let read = 0;
    const locales = ['en-US', 'zh-CN', 'zh-TW', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'pt-BR', 'id-ID'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 4 }),
        fc.nat(),
        fc.constantFrom(...locales),
        fc.constantFrom(...FIELDS),
        (whole, anyDigits, seed, locale, field) => {
          const digits = field.amount ? Math.min(anyDigits, 2) : anyDigits;
          const fraction = digits === 0 ? '' : String(seed % 10 ** digits).padStart(digits, '0');
          const x = Number(`${whole}.${fraction || '0'}`);
          const text = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
          const got = readFormNumber(text, field);
          if ('value' in got) {
            read++;
            expect(got.value, `${text} (${locale})`).toBe(x);
          }
        },
      ),
      { numRuns: 2000 },
    );
    // Most of them are read: refusing everything would pass the check above.
    expect(read).toBeGreaterThan(1000);
  });
});
