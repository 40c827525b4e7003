import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailySeries } from '@/core/background/daily';
import { ingest } from '@/core/background/ingest';
import { openDatabase } from '@/core/db';
import {
  alertKey,
  customAlertKey,
  customAlertRange,
  dailyId,
  joinKey,
  parseAlertKey,
  parseDailyId,
  parsePart,
  parseRowKey,
  parseShopKey,
  parseTargetId,
  partOf,
  rowKey,
  seriesKey,
  shopKey,
  splitKey,
  targetId,
  valueKey,
} from '@/core/keys';
import { allDays, day, freshDb, obs, report, SYCM_URL } from './support/db';
import { dbFixture, writeDbFixture } from './support/legacy-db';

/** Text as pages print it, weighted towards the characters ids are made of. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('|', '=', ':', '\\', 'peer:', 'rule:'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.constantFrom('来', '源', '店'),
  ),
});
const nonEmpty = text.filter((s) => s.length > 0);
const row = fc.record({ dimension: nonEmpty, key: nonEmpty });
const optionalRow = fc.option(row, { nil: undefined });
/** Text without the characters ids are made of: ids of it read as they always have. */
const plain = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '-', '.', '来', '源', '店', '旗', '舰') });
const plainNonEmpty = plain.filter((s) => s.length > 0);

describe('composite ids', () => {
  it('give back exactly the parts they were built from', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1 }), (parts) => {
        expect(splitKey(joinKey(parts))).toEqual(parts);
      }),
    );
    fc.assert(
      fc.property(row, (r) => {
        expect(parseRowKey(rowKey(r))).toEqual(r);
      }),
    );
    fc.assert(
      fc.property(text, text, (site, store) => {
        expect(parseShopKey(shopKey(site, store))).toEqual({ site, store });
      }),
    );
    fc.assert(
      fc.property(text, text, text, text, text, (site, store, metric, part, date) => {
        expect(parseDailyId(dailyId(site, store, metric, part, date))).toEqual({ site, store, metric, part, date });
      }),
    );
    fc.assert(
      fc.property(text, text, text, (site, store, month) => {
        expect(parseTargetId(targetId(site, store, month))).toEqual({ site, store, month });
      }),
    );
    fc.assert(
      fc.property(text, text, text, text, (site, store, metric, periodKey) => {
        expect(parseAlertKey(alertKey(site, store, metric, periodKey))).toEqual({ site, store, metric, periodKey });
      }),
    );
    fc.assert(
      fc.property(text, text, text, text, optionalRow, text, (site, store, metric, periodKey, r, ruleId) => {
        expect(parseAlertKey(customAlertKey(site, store, metric, periodKey, r, ruleId))).toEqual({
          site,
          store,
          metric,
          periodKey,
          ruleId,
          ...(r ? { row: r } : {}),
        });
      }),
    );
  });

  it('tell a peer, a row and the shop’s total apart whatever their names', () => {
    fc.assert(
      fc.property(row, nonEmpty, (r, peer) => {
        expect(parsePart(partOf({ breakdown: r }))).toEqual({ kind: 'row', row: r });
        expect(parsePart(partOf({ peer }))).toEqual({ kind: 'peer', peer });
        expect(partOf({ breakdown: r })).not.toBe(partOf({ peer }));
      }),
    );
    expect(parsePart(partOf({}))).toEqual({ kind: 'total' });
    // A column named like a peer part is still a row.
    expect(partOf({ breakdown: { dimension: 'peer:x', key: 'y' } })).not.toBe(partOf({ peer: 'x=y' }));
  });

  it('are two different ids for two different sets of parts', () => {
    // Moving a "|" from between two parts into one of them is the collision page text could make.
    fc.assert(
      fc.property(fc.array(text, { minLength: 2, maxLength: 6 }), fc.nat(), (parts, at) => {
        const i = at % (parts.length - 1);
        const merged = [...parts.slice(0, i), `${parts[i]}|${parts[i + 1]}`, ...parts.slice(i + 2)];
        expect(joinKey(merged)).not.toBe(joinKey(parts));
      }),
    );
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), fc.array(text, { minLength: 1, maxLength: 6 }), (a, b) => {
        fc.pre(JSON.stringify(a) !== JSON.stringify(b));
        expect(joinKey(a)).not.toBe(joinKey(b));
      }),
    );
    fc.assert(
      fc.property(text, text, text, text, (s1, t1, s2, t2) => {
        fc.pre(s1 !== s2 || t1 !== t2);
        expect(shopKey(s1, t1)).not.toBe(shopKey(s2, t2));
      }),
    );
    expect(shopKey('a', 'b|c')).not.toBe(shopKey('a|b', 'c'));
  });

  it('read as they always have for text without | \\ = :', () => {
    fc.assert(
      fc.property(fc.array(plain, { minLength: 1 }), (parts) => {
        expect(joinKey(parts)).toBe(parts.join('|'));
      }),
    );
    fc.assert(
      fc.property(plain, text, (site, store) => {
        expect(shopKey(site, store)).toBe(`${site}|${store}`);
      }),
    );
    fc.assert(
      fc.property(plainNonEmpty, plainNonEmpty, (dimension, key) => {
        expect(rowKey({ dimension, key })).toBe(`${dimension}=${key}`);
      }),
    );
    expect(
      seriesKey(
        'sycm',
        '小雨的旗舰店',
        { metric: 'visitors', breakdown: { dimension: '流量来源', key: '直通车' } },
        'day:2026-11-25..2026-11-25',
      ),
    ).toBe('sycm|小雨的旗舰店|visitors|day:2026-11-25..2026-11-25|流量来源=直通车|');
    expect(customAlertKey('sycm', 's', 'visitors', 'p', { dimension: '来源', key: '搜索' }, 'r1')).toBe(
      'sycm|s|visitors|p|来源=搜索|rule:r1',
    );
    expect(partOf({ peer: '竞店A' })).toBe('peer:竞店A');
  });

  it('keep a custom rule’s alerts of one number, and only those, in its range', () => {
    fc.assert(
      fc.property(text, text, optionalRow, optionalRow, text, (store, other, r, r2, ruleId) => {
        fc.pre(!ruleId.includes('\uffff'));
        const { from, to } = customAlertRange('sycm', store, 'visitors', 'p', r);
        const inRange = (id: string) => id >= from && id <= to;
        expect(inRange(customAlertKey('sycm', store, 'visitors', 'p', r, ruleId))).toBe(true);
        expect(inRange(alertKey('sycm', store, 'visitors', 'p'))).toBe(false);
        if (other !== store) expect(inRange(customAlertKey('sycm', other, 'visitors', 'p', r, ruleId))).toBe(false);
        if (r2?.dimension !== r?.dimension || r2?.key !== r?.key)
          expect(inRange(customAlertKey('sycm', store, 'visitors', 'p', r2, ruleId))).toBe(false);
      }),
    );
  });

  it('tell a page’s values apart by metric, row and peer', () => {
    expect(valueKey({ metric: 'visitors', breakdown: { dimension: 'a|b', key: 'c' } })).not.toBe(
      valueKey({ metric: 'visitors', breakdown: { dimension: 'a', key: 'b|c' } }),
    );
    expect(valueKey({ metric: 'visitors', peer: 'x' })).not.toBe(valueKey({ metric: 'visitors' }));
  });
});

describe('ids of page text in the database', () => {
  it('keep a shop whose name holds | apart from a row of another shop', async () => {
    // Joined with a bare "|", both were sycm|A|visitors|来源=k|visitors||2026-11-25 and one overwrote the other.
    const db = await freshDb('storepulse-keys');
    const date = '2026-11-25';
    await ingest(
      db,
      report([obs('visitors', 111, { breakdown: { dimension: '来源', key: 'k|visitors|' } })], day(date), { store: 'A' }),
      {
        url: SYCM_URL,
        now: 1,
      },
    );
    await ingest(db, report([obs('visitors', 222)], day(date), { store: 'A|visitors|来源=k' }), { url: SYCM_URL, now: 2 });
    const days = await allDays(db);
    expect(days).toHaveLength(2);
    expect(new Set(days.map((d) => d.id)).size).toBe(2);
    const row = partOf({ breakdown: { dimension: '来源', key: 'k|visitors|' } });
    expect((await dailySeries(db, 'sycm', 'A', 'visitors', date, date, row)).map((d) => d.value)).toEqual([111]);
    expect((await dailySeries(db, 'sycm', 'A|visitors|来源=k', 'visitors', date, date)).map((d) => d.value)).toEqual([222]);
    expect(new Set((await db.getAll('readings')).map((r) => r.series)).size).toBe(2);
    db.close();
  });

  it('are rewritten once when a version-3 database is upgraded, and new readings find them', async () => {
    const name = 'storepulse-keys-v3';
    await writeDbFixture(name, dbFixture('v3'));
    const db = await openDatabase(name);

    // Written out by hand: "|" inside a part, and ":" in a row's column name, get a "\" before them.
    expect((await allDays(db)).map((d) => [d.id, d.part]).sort()).toEqual(
      [
        ['shopify|Rainy \\| Goods|visits||2026-11-24', ''],
        ['sycm|小雨的旗舰店|visitors||2026-11-24', ''],
        ['sycm|小雨的旗舰店|visitors|来源\\\\:渠道=手淘=搜索|2026-11-24', '来源\\:渠道=手淘=搜索'],
      ].sort(),
    );
    expect((await db.getAll('readings')).map((r) => r.series).sort()).toEqual(
      [
        'shopify|Rainy \\| Goods|visits|day:2026-11-24..2026-11-24||',
        'sycm|小雨的旗舰店|visitors|day:2026-11-24..2026-11-24||',
        'sycm|小雨的旗舰店|visitors|day:2026-11-24..2026-11-24|来源\\\\:渠道=手淘=搜索|',
      ].sort(),
    );
    const alerts = await db.getAll('alerts');
    expect(alerts.map((a) => a.id).sort()).toEqual(
      [
        'shopify|Rainy \\| Goods|conversionRate|day:2026-11-24..2026-11-24',
        'sycm|小雨的旗舰店|bounceRate|day:2026-11-24..2026-11-24',
        'sycm|小雨的旗舰店|visitors|day:2026-11-24..2026-11-24|来源\\\\:渠道=手淘=搜索|rule:r1',
      ].sort(),
    );
    expect(alerts.find((a) => a.ruleId === 'r1')).toMatchObject({ ruleName: '访客跌 30%', status: 'open', value: 800 });
    expect((await db.getAll('targets')).map((t) => t.id).sort()).toEqual(
      ['shopify|Rainy \\| Goods|2026-11', 'sycm|小雨的旗舰店|2026-11'].sort(),
    );

    // The same day read again lands on the records the upgrade rewrote: no second series, day or alert.
    const rainy = { site: 'shopify', store: 'Rainy | Goods' };
    const result = await ingest(db, report([obs('visits', 120), obs('conversionRate', 0.012)], day('2026-11-24'), rainy), {
      url: 'https://admin.shopify.com/store/rainy/analytics',
      now: 1764000000000,
      rules: [
        { id: 'conversion-low', metric: 'conversionRate', direction: 'below', warn: 0.02, critical: 0.014, fix: 'conversionLow' },
      ],
    });
    expect(result.stored).toBe(1); // the unchanged visits are not stored twice
    expect((await allDays(db)).filter((d) => d.store === 'Rainy | Goods')).toHaveLength(2);
    const rainyAlerts = (await db.getAll('alerts')).filter((a) => a.store === 'Rainy | Goods');
    expect(rainyAlerts).toHaveLength(1);
    expect(rainyAlerts[0]).toMatchObject({ firstSeen: 1763990000000, lastSeen: 1764000000000, value: 0.012 });
    db.close();
  });
});
