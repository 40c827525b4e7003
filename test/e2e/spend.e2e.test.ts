import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askFrom, ENGINES, sessionAndServerFor, type Session } from './engines';
import { eventually, SCREENSHOTS } from './support';
import { fiveWeeks, SEED_URL, seedAdsDaysIn, seedDaysIn, storedDays, type AdsDay, type SeedDay } from './seed';

const STORE = '小雨的旗舰店';
const LEAK = '.inbox-alert[data-alert*="rule:review-leakingPage"]';
const SPEND_LINE = '[data-testid="spend-day"]';

/**
 * Spend end to end, in each browser: the last 15 days of a 阿里妈妈 万相台 account named as the shop, and
 * five weeks of the shop's 生意参谋 pages, each read off its real page by the content scripts. Yesterday
 * spend rose to ¥900 against ¥600 on past same weekdays, paid visitors (直通车) rose and bounce reached
 * 74%: the review shows spend, ROI and 费比, the critical leaking-page alert names both owners, and the
 * month table has the spend columns — in Chinese, then in English.
 */
const days: SeedDay[] = fiveWeeks().map((d, i, all) =>
  i === all.length - 1
    ? { ...d, bounce: 0.74, visitors: d.visitors + 600, sources: [d.sources[0], d.sources[1] + 600, d.sources[2]] }
    : { ...d, sources: [...d.sources] as SeedDay['sources'] },
);
const yesterday = days.at(-1)!;
const adsDays: AdsDay[] = days.slice(-15).map((d, i, all) => {
  const last = i === all.length - 1;
  const spend = last ? 900 : 600;
  const adSales = last ? 1200 : 1800;
  return {
    date: d.date,
    spend,
    adSales,
    clicks: 400,
    impressions: 20_000,
    plans: [
      { name: '计划-爆款拉新', spend: spend * 0.6, adSales: adSales * 0.6, clicks: 240 },
      { name: '计划-老客召回', spend: spend * 0.4, adSales: adSales * 0.4, clicks: 160 },
    ],
  };
});

async function setLanguage(session: Session, language: 'zh-CN' | 'en'): Promise<void> {
  const probe = await session.openExtension('/allow.html');
  try {
    const { settings } = await askFrom<{ settings: Record<string, unknown> }>(probe, 'settings');
    expect(await askFrom(probe, 'saveSettings', { settings: { ...settings, language } })).toEqual({ ok: true });
  } finally {
    await probe.close();
  }
}

describe.each(ENGINES)('spend in the review, in %s', (engine) => {
  const { session, server } = sessionAndServerFor(engine, { [SEED_URL]: 'review/sycm-day.template.html' }, 'zh-CN');
  const shot = (name: string) => join(SCREENSHOTS, `spend-${name}-${engine}.png`);

  it('reads the ads and the shop’s days off their pages, and stores the account’s spend, never a plan’s', async () => {
    await seedDaysIn(session(), server(), { store: STORE, days }, { account: STORE, days: adsDays });
    const daily = await storedDays(session());
    expect(daily.find((r) => r.id === `alimama|${STORE}|adSpend||${yesterday.date}`)?.value).toBe(900);
    expect(daily.filter((r) => r.id.startsWith(`alimama|${STORE}|adSpend||`)).map((r) => r.value)).not.toContain(540);
  }, 600_000);

  it('shows spend, ROI and 费比 on the day, and fires the leaking-page alert with both owners (zh-CN)', async () => {
    const alerts = await session().readDatabase<{ id: string; status: string; severity: string }>('alerts');
    expect(alerts.find((a) => a.id.includes('rule:review-leakingPage'))).toMatchObject({ status: 'open', severity: 'critical' });
    await setLanguage(session(), 'zh-CN');
    const popup = await session().openExtension('/popup.html');
    await popup.waitFor(SPEND_LINE);
    const sales = yesterday.visitors * yesterday.conversion * yesterday.aov;
    const text = await popup.text(SPEND_LINE);
    expect(text).toContain('花费 ¥900.00 · 投产比 1.33');
    expect(text).toContain(`费比 ${((900 / sales) * 100).toFixed(1)}%`);
    expect(text).toContain(`付费占比 ${((1200 / sales) * 100).toFixed(1)}%`);
    await popup.waitFor(LEAK);
    const alert = await popup.text(LEAK);
    expect(alert).toContain('付费流量进了漏水的页面：先修页面，再加推广');
    expect(alert).toContain('跳失率 74.00%');
    expect(alert).toContain('付费来源：直通车');
    expect(alert).toContain('美工 · 主责');
    expect(alert).toContain('推广 · 协助');
    await popup.screenshot(shot('popup-zh-CN'), true);
    await popup.click('#tab-month');
    await popup.waitFor('.month-months thead');
    expect(await popup.text('.month-months thead')).toMatch(/花费\s+费比\s+投产比/);
    await popup.screenshot(shot('month-zh-CN'), true);
    await popup.close();
  });

  it('says the same in English', async () => {
    await setLanguage(session(), 'en');
    const popup = await session().openExtension('/popup.html');
    await popup.waitFor(SPEND_LINE);
    expect(await popup.text(SPEND_LINE)).toContain('Spend ¥900.00 · ROI 1.33 · expense ratio');
    await popup.waitFor(LEAK);
    const alert = await popup.text(LEAK);
    expect(alert).toContain('Paid traffic is going into a leaking page: fix the page first, then add promotion.');
    expect(alert).toContain('paid source: 直通车');
    expect(alert).toMatch(/Design · (lead|main)/i);
    expect(alert).toMatch(/Promotion · /);
    await popup.screenshot(shot('popup-en'), true);
    await popup.click('#tab-month');
    await popup.waitFor('.month-months thead');
    expect(await popup.text('.month-months thead')).toMatch(/Spend\s+Exp. ratio\s+ROI/);
    await popup.screenshot(shot('month-en'), true);
    // The sales trend's value table: spend and ROI beside sales on the same dates.
    await popup.click('#tab-trends');
    await popup.waitFor('.trend-values summary');
    await popup.click('.trend-values summary');
    expect(await popup.text('.trend-values thead')).toMatch(/Spend\s+ROI\s*$/);
    const last = `.trend-values tbody tr:first-child`;
    expect(await popup.text(`${last} th`)).toBe(yesterday.date);
    expect(await popup.text(`${last} [data-col="spend"]`)).toBe('¥900');
    expect(await popup.text(`${last} [data-col="roi"]`)).toBe('1.33');
    await popup.screenshot(shot('trends-en'), true);
    await popup.close();
  });

  it('lists the account in the options page as matched by name (both languages)', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      await setLanguage(session(), language);
      const page = await session().openExtension('/options.html', { width: 900, height: 900 });
      const row = `.spend-links-table tr[data-account="${STORE}"] .spend-how`;
      await page.waitFor(row);
      expect(await page.text(row)).toBe(language === 'en' ? 'matched by name' : '按名称匹配');
      await page.screenshot(shot(`options-${language}`), true);
      await page.close();
    }
  });

  it('puts the link prompt of an unlinked account off with “not now” until the options page is opened (zh-CN)', async () => {
    const other = '推广账户-01';
    await seedAdsDaysIn(session(), server(), other, adsDays.slice(-1));
    await setLanguage(session(), 'zh-CN');
    const prompt = `.spend-prompt-row[data-account="${other}"]`;
    const popup = await session().openExtension('/popup.html');
    await popup.waitFor(prompt);
    expect(await popup.text(prompt)).toContain(`推广账户 ${other}（阿里妈妈）还没有关联店铺`);
    expect(await popup.text(`${prompt} .spend-later`)).toBe('稍后再说');
    await popup.screenshot(shot('prompt-zh-CN'));
    await popup.click(`${prompt} .spend-later`);
    await eventually(async () => (await popup.count('[data-testid="spend-prompt"]')) === 0, 'the prompt put off');
    await popup.close();
    // Opened again: still put off.
    const again = await session().openExtension('/popup.html');
    await again.waitFor(SPEND_LINE);
    expect(await again.count('[data-testid="spend-prompt"]')).toBe(0);
    await again.screenshot(shot('prompt-later-zh-CN'));
    await again.close();
    // The options page lists the account; once it was opened the popup asks again.
    const options = await session().openExtension('/options.html', { width: 900, height: 900 });
    await options.waitFor(`.spend-links-table tr[data-account="${other}"]`);
    const probe = await session().openExtension('/allow.html');
    await eventually(
      async () => !('adsPromptLater' in (await askFrom<{ settings: object }>(probe, 'settings')).settings),
      'the prompt no longer put off',
    );
    await probe.close();
    await options.close();
    const back = await session().openExtension('/popup.html');
    await back.waitFor(prompt);
    await back.close();
  });
});
