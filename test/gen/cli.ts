import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generatePage } from './page';

/**
 * Writes generated pages to artifacts/gen/<seed>.html with their truth beside them (<seed>.expected.json):
 *   npx vite-node test/gen/cli.ts 24757 [more seeds…]
 */
const seeds = process.argv.slice(2).map(Number).filter(Number.isFinite);
if (seeds.length === 0) {
  console.error('usage: npx vite-node test/gen/cli.ts <seed> [seed…]');
  process.exit(2);
}
const dir = resolve('artifacts/gen');
mkdirSync(dir, { recursive: true });
for (const seed of seeds) {
  const page = generatePage(seed);
  writeFileSync(resolve(dir, `${seed}.html`), page.html);
  writeFileSync(resolve(dir, `${seed}.expected.json`), `${JSON.stringify(page.expected, null, 2)}\n`);
  console.log(`${seed}: ${page.url}\n  ${page.expected.notes}\n  → ${dir}/${seed}.html`);
}
