// A 阿里妈妈 万相台 report page for one day of an ads account, made from
// test/fixtures/review/alimama-day.template.html: how ad spend is put in through the real path (served at
// ALIMAMA_SEED_URL, read by the ads content script) beside the 生意参谋 days of test/harness/days.mjs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_ROOT } from './server.mjs';

const TEMPLATE = readFileSync(join(FIXTURES_ROOT, 'review/alimama-day.template.html'), 'utf8');

export const ALIMAMA_SEED_URL = 'https://one.alimama.com/index.html';

/**
 * @typedef {{ date: string, spend: number, adSales: number, clicks: number, impressions: number,
 *             plans: Array<{ name: string, spend: number, adSales: number, clicks: number }> }} AdsDay
 *   spend and adSales in CNY; the page prints ROI (adSales ÷ spend, two decimals), CTR, CPC and click
 *   conversion (orders = 2.5% of clicks) from them. Plans are parts: their numbers are not the account's.
 */

/** @param {number} n @param {number} digits */
const fmt = (n, digits) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * The numbers a correct reader stores from adsDayPage(account, d), as printed (rounded as printed).
 * @param {AdsDay} d
 */
export function adsDayValues(d) {
  const round = (/** @type {number} */ n, /** @type {number} */ digits) => Number(n.toFixed(digits));
  return {
    adSpend: round(d.spend, 2),
    adSales: round(d.adSales, 2),
    adRoas: round(d.adSales / d.spend, 2),
    adClicks: d.clicks,
    adImpressions: d.impressions,
    adCtr: round((d.clicks / d.impressions) * 100, 2) / 100,
    adCpc: round(d.spend / d.clicks, 2),
    adConversionRate: 0.025,
  };
}

/**
 * @param {string} account the ads account as the top bar names it
 * @param {AdsDay} d
 * @returns {string}
 */
export function adsDayPage(account, d) {
  const v = adsDayValues(d);
  /** @type {Record<string, string>} */
  const values = {
    account,
    date: d.date,
    spend: fmt(v.adSpend, 2),
    impressions: fmt(v.adImpressions, 0),
    clicks: fmt(v.adClicks, 0),
    ctr: `${fmt(v.adCtr * 100, 2)}%`,
    cpc: fmt(v.adCpc, 2),
    adSales: fmt(v.adSales, 2),
    roi: fmt(v.adRoas, 2),
    conversion: '2.50%',
  };
  d.plans.slice(0, 2).forEach((p, i) => {
    values[`plan${i + 1}`] = p.name;
    values[`plan${i + 1}Spend`] = fmt(p.spend, 2);
    values[`plan${i + 1}Clicks`] = fmt(p.clicks, 0);
    values[`plan${i + 1}Sales`] = fmt(p.adSales, 2);
    values[`plan${i + 1}Roi`] = fmt(p.adSales / p.spend, 2);
  });
  return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, k) => values[k] ?? '');
}
