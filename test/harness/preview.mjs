// The popup's review, trends and monthly review on sample data, in Chromium, without the extension:
// bundles test/harness/preview-entry.tsx with esbuild into a static page, opens it at popup size and
// saves a screenshot of every tab (and the open forms) in zh-CN, zh-TW and en to artifacts/preview/.
// Prints any element wider than the popup, so overflow shows up without looking.
//
//   node test/harness/preview.mjs            # all three languages
//   node test/harness/preview.mjs en         # one

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const out = join(root, 'artifacts/preview');
const locales = process.argv.slice(2).length ? process.argv.slice(2) : ['zh-CN', 'zh-TW', 'en'];

/** Builds the preview page; returns its file URL. */
export async function buildPreview(dir = out) {
  await mkdir(join(dir, 'slices'), { recursive: true });
  await build({
    entryPoints: [join(root, 'test/harness/preview-entry.tsx')],
    bundle: true,
    format: 'iife',
    outfile: join(dir, 'preview.js'),
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { '@': root },
    target: 'chrome120',
    logLevel: 'warning',
  });
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="preview.css"></head>' +
      '<body><div id="app"></div><script src="preview.js"></script></body></html>',
  );
  return pathToFileURL(join(dir, 'index.html')).href;
}

export async function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Folds out every shop's line, so the day cards and alerts inside show. The sample's answers come after
 * the page has loaded: the lines are waited for before they are listed.
 */
export async function openShopLines(page) {
  await page.locator('details.shops-line > summary').first().waitFor();
  const folded = page.locator('details.shops-line:not([open]) > summary');
  for (let n = await folded.count(); n > 0; n--) await folded.first().click();
  await page.locator('.review-day-card').first().waitFor();
}

/** Elements that stick out of the 400 px popup, as "tag.class (right edge)". */
export function overflowing(page) {
  return page.evaluate(() => {
    const width = document.body.clientWidth;
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && el.getClientRects().length > 0)
      .filter((el) => !el.closest('details:not([open])'))
      .map(
        (el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)})`,
      );
  });
}

async function main() {
  const url = await buildPreview();
  const browser = await launchChromium();
  const problems = [];
  try {
    for (const locale of locales) {
      const page = await browser.newPage({ viewport: { width: 400, height: 600 }, deviceScaleFactor: 2, locale });
      page.on('pageerror', (e) => problems.push(`${locale}: ${e.message}`));
      await page.goto(`${url}?locale=${locale}`);
      await openShopLines(page);
      const shot = async (name) => {
        problems.push(...(await overflowing(page)).map((p) => `${locale} ${name}: ${p}`));
        await page.screenshot({ path: join(out, `${name}-${locale}.png`), fullPage: true });
        // The same, one popup-high slice at a time, readable at full size.
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0, i = 1; y < height; y += 600, i++) {
          const clip = { x: 0, y, width: 400, height: Math.min(600, height - y) };
          await page.screenshot({ path: join(out, 'slices', `${name}-${locale}-${i}.png`), fullPage: true, clip });
        }
      };
      await shot('review');
      // The target form with its validation messages, and an alert's history.
      await page.locator('.review-day-card').first().getByRole('button').last().click();
      await page.locator('.target-form input[name="amount"]').fill('-5');
      await page.locator('.target-form input[type="radio"]').nth(1).check();
      await page.locator('.target-weights input').first().fill('x');
      await page.locator('.target-form button[type="submit"]').click();
      await page.locator('li.inbox-alert .inbox-history-toggle').first().click();
      await page.locator('li.inbox-alert .snooze').first().click();
      await shot('review-forms');
      await page.reload();
      await openShopLines(page);
      await page.getByRole('tab').nth(1).click();
      await page.locator('svg.chart').waitFor();
      await shot('trends-sales-30');
      await page.locator('.trend-range button').nth(2).click();
      await page.locator('.trend-pickers select').nth(1).selectOption('bounceRate');
      await page.locator('svg.chart .chart-zone').first().waitFor();
      await page.locator('details.trend-values summary').click();
      await shot('trends-bounce-90');
      await page.locator('details.trend-values summary').click();
      await page.locator('.trend-pickers select').first().selectOption({ index: 1 });
      await page.locator('.trend-range button').first().click();
      await page.locator('.trend-pickers select').nth(1).selectOption('sales');
      await page.locator('svg.chart .chart-line.target').first().waitFor();
      await shot('trends-usd-7');
      await page.getByRole('tab').nth(2).click();
      await page.locator('table.month-months').first().waitFor();
      await shot('month');
      await page.goto(`${url}?locale=${locale}&states`);
      await openShopLines(page);
      await shot('review-states');
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`screenshots in ${out}`);
  if (problems.length) {
    console.log('wider than the popup:\n  ' + problems.join('\n  '));
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
