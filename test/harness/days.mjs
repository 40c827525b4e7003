// A 生意参谋 page for one day of a shop, made from test/fixtures/review/sycm-day.template.html: how
// history is put in through the real path (served at its real URL, read by the content script).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_ROOT } from './server.mjs';

const TEMPLATE = readFileSync(join(FIXTURES_ROOT, 'review/sycm-day.template.html'), 'utf8');

/**
 * @typedef {{ date: string, visitors: number, conversion: number, aov: number, bounce: number, depth: number,
 *             sources: [number, number, number] }} SeedDay
 *   sources: visitors by source — 手淘搜索, 直通车, 手淘推荐.
 */

/** @param {number} n @param {number} digits */
const fmt = (n, digits) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * @param {string} store
 * @param {SeedDay} d
 * @returns {string}
 */
export function dayPage(store, d) {
  const sales = d.visitors * d.conversion * d.aov;
  /** @type {Record<string, string>} */
  const values = {
    store,
    date: d.date,
    sales: fmt(sales, 2),
    salesCmp: '1.20%',
    visitors: fmt(d.visitors, 0),
    conversion: `${fmt(d.conversion * 100, 2)}%`,
    aov: fmt(d.aov, 2),
    buyers: fmt(Math.round(d.visitors * d.conversion), 0),
    bounce: `${fmt(d.bounce * 100, 2)}%`,
    depth: fmt(d.depth, 2),
    search: fmt(d.sources[0], 0),
    paid: fmt(d.sources[1], 0),
    recommend: fmt(d.sources[2], 0),
  };
  return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, k) => values[k] ?? '');
}

/**
 * Local calendar date `offset` days from today (the extension reviews in the browser's time zone).
 * @param {number} offset
 */
export function localDay(offset) {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Five weeks in which search traffic fell on the last two days, conversion and order value steady. */
export function fiveWeeks() {
  /** @type {SeedDay[]} */
  const days = [];
  for (let offset = -35; offset <= -1; offset++) {
    const weekday = new Date(`${localDay(offset)}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6 ? 1.2 : 1;
    const search = Math.round(1500 * weekend * (offset >= -2 ? 0.5 : 1));
    const paid = Math.round(900 * weekend);
    const recommend = Math.round(600 * weekend);
    days.push({
      date: localDay(offset),
      visitors: search + paid + recommend,
      conversion: 0.025,
      aov: 120,
      bounce: 0.55,
      depth: 3.2,
      sources: [search, paid, recommend],
    });
  }
  return days;
}
