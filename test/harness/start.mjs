// `npm start`: StorePulse on the bundled sample back-office pages (生意参谋, 拼多多, Shopee, Amazon). Serves them at their real URLs,
// opens Chromium with the built extension (a window when a display exists, headless otherwise),
// visits each page, imports a year of the 生意参谋 sample report through the options page's preview (so the
// popup's review and trends have a history on first run), saves screenshots of the pages, the preview and
// the popup, and prints what was read.
// `npm start -- --store` makes the store screenshots instead (store-shots.mjs).

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { launchWithExtension, readDatabase } from './browser.mjs';
import { BrowserNotFound, findBrowser } from './find-browser.mjs';
import { writeReports } from './reports.mjs';
import { startFixtureServer } from './server.mjs';
import { storeShots } from './store-shots.mjs';

const EXTENSION = resolve(process.env.STOREPULSE_EXTENSION ?? '.output/chrome-mv3');
const OUT = resolve('artifacts/start');
const headless = !process.env.DISPLAY || process.env.HEADLESS === '1';
const locale = process.env.STOREPULSE_LOCALE ?? 'zh-CN';

/** The tour: what an operator opens in the morning. */
const TOUR = [
  { url: 'https://sycm.taobao.com/portal/home.htm', fixture: 'sycm/home.html', shot: 'sycm-home' },
  { url: 'https://sycm.taobao.com/portal/realtime.htm', fixture: 'sycm/realtime.html', shot: 'sycm-realtime' },
  { url: 'https://sycm.taobao.com/flow/monitor/source.htm', fixture: 'sycm/table.html', shot: 'sycm-traffic-sources' },
  { url: 'https://mms.pinduoduo.com/sycm/stores_data/operation', fixture: 'pdd/operation.html', shot: 'pdd-operation' },
  { url: 'https://seller.shopee.tw/datacenter/dashboard', fixture: 'shopee/dashboard-tw.html', shot: 'shopee-tw' },
  {
    url: 'https://sellercentral.amazon.com/business-reports/ref=xx_sitemetric_dnav_xx',
    fixture: 'amazon/business-report.html',
    shot: 'amazon-business-report',
  },
];

mkdirSync(OUT, { recursive: true });
try {
  findBrowser('chromium');
} catch (err) {
  if (!(err instanceof BrowserNotFound)) throw err;
  console.error(err.message);
  process.exit(1);
}
if (process.argv.includes('--store')) {
  // `npm start -- --store`: the store screenshots, in each language of the listing.
  for (const storeLocale of ['zh-CN', 'zh-TW', 'en']) {
    console.log(`Store screenshots in ${storeLocale}:`);
    const outDir = resolve('docs/store', storeLocale);
    for (const file of await storeShots({ extensionPath: EXTENSION, locale: storeLocale, outDir, log: console.log })) {
      console.log(`  ${file}`);
    }
  }
  process.exit(0);
}
const server = await startFixtureServer({ routes: Object.fromEntries(TOUR.map((t) => [t.url, t.fixture])) });
const browser = await launchWithExtension({ extensionPath: EXTENSION, port: server.port, headless, locale });
console.log(
  `StorePulse ${headless ? 'headless' : 'in a window'}, extension ${browser.extensionId}, sample pages on 127.0.0.1:${server.port}`,
);

try {
  for (const stop of TOUR) {
    const page = await browser.context.newPage();
    await page.goto(stop.url);
    await settle(browser, stop.url);
    await page.screenshot({ path: join(OUT, `${stop.shot}.png`) });
    console.log(`  read ${stop.url}`);
    if (headless) await page.close();
  }
  await importSample(browser);
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.locator('main.popup').waitFor();
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });

  const readings = await readDatabase(browser.serviceWorker, 'readings');
  const alerts = await readDatabase(browser.serviceWorker, 'alerts');
  printReadings(readings);
  console.log(`\n${alerts.filter((a) => a.status === 'open').length} open alerts:`);
  for (const a of alerts.filter((x) => x.status === 'open')) {
    console.log(`  ${a.severity.padEnd(8)} ${a.metric} = ${a.value} (line ${a.threshold}) — ${a.store}, ${periodText(a.period)}`);
  }
  console.log(`\nScreenshots in ${OUT}`);
  if (!headless) {
    console.log('The browser stays open: try the badges and the toolbar popup. Close the window to finish.');
    await new Promise((done) => browser.context.on('close', done));
  }
} finally {
  await browser.close();
  await server.close();
}

/**
 * A year of the 生意参谋 sample report, ending yesterday, imported as the operator would: chosen in the
 * options page, named the shop the pages above were read for, confirmed after the preview.
 */
async function importSample(b) {
  const now = new Date();
  const y = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
  const end = `${y.getFullYear()}-${String(y.getMonth() + 1).padStart(2, '0')}-${String(y.getDate()).padStart(2, '0')}`;
  const files = await writeReports(join(tmpdir(), 'storepulse-start-reports'), end);
  const options = await b.context.newPage();
  await options.setViewportSize({ width: 1000, height: 900 });
  await options.goto(`chrome-extension://${b.extensionId}/options.html`);
  const section = options.locator('section.sheet');
  await section.locator('input[type="file"]').setInputFiles(files.sycm);
  const preview = section.locator('.sheet-preview');
  await preview.waitFor({ timeout: 30_000 });
  await preview.locator('input.sheet-store').fill('小雨的旗舰店');
  await options.screenshot({ path: join(OUT, 'options-report-preview.png'), fullPage: true });
  await preview.locator('input.sheet-store').press('Tab');
  await preview.locator('.sheet-confirm').click();
  const outcome = section.locator('.sheet-done, .sheet-error');
  await outcome.waitFor({ timeout: 60_000 });
  console.log(`  imported ${files.sycm}: ${await outcome.innerText()}`);
  if (headless) await options.close();
}

/** Waits until the extension has stored readings for `url` and they stop changing. */
async function settle(b, url) {
  const path = new URL(url).pathname;
  let last = -1;
  let steady = 0;
  for (let i = 0; i < 60 && steady < 4; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const count = (await readDatabase(b.serviceWorker, 'readings')).filter((r) => r.url.endsWith(path)).length;
    steady = count > 0 && count === last ? steady + 1 : 0;
    last = count;
  }
}

/** A reading's or alert's period as printed: `day 2026-11-25`, or a range's two ends. */
function periodText(p) {
  return p.kind === 'range' ? `${p.start}..${p.end}` : `${p.kind} ${p.start}`;
}

function printReadings(readings) {
  console.log(`\n${readings.length} readings stored in IndexedDB "storepulse":`);
  const rows = readings.map((r) => ({
    store: r.store,
    period: periodText(r.period),
    metric: r.metric,
    value: r.currency ? `${r.value} ${r.currency}` : String(r.value),
    part: r.breakdown ? `${r.breakdown.dimension}: ${r.breakdown.key}` : r.peer ? `peer ${r.peer}` : '',
    from: r.source.label,
  }));
  const cols = ['store', 'period', 'metric', 'value', 'part', 'from'];
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...rows.map((r) => displayWidth(r[c])))]));
  const line = (r) => cols.map((c) => r[c] + ' '.repeat(width[c] - displayWidth(r[c]))).join('  ');
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  for (const r of rows) console.log(line(r));
}

/** CJK characters take two columns in a terminal. */
function displayWidth(s) {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
