// Before the end-to-end tests: names the browsers they will use, or says in one line what to install.
// Chromium (Chrome, Edge) always; Firefox too unless E2E_BROWSERS leaves it out. Browsers named on the
// command line (`check-browsers.mjs chromium`) are checked instead.

import { BrowserNotFound, findBrowser } from './find-browser.mjs';

const wanted = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',').map((e) => e.trim());
const asked = process.argv.slice(2);
const kinds = /** @type {const} */ (['chromium', 'firefox']).filter((k) =>
  asked.length ? asked.includes(k) : k === 'chromium' || wanted.includes(k),
);
try {
  for (const kind of kinds) console.log(`${kind}: ${findBrowser(kind)}`);
} catch (err) {
  if (!(err instanceof BrowserNotFound)) throw err;
  const hint = err.message.startsWith('No Firefox') ? ' (or leave Firefox out: E2E_BROWSERS=chromium)' : '';
  console.error(err.message + hint);
  process.exit(1);
}
