// Saved back-office pages and what a correct reader must get from each.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIXTURES_ROOT } from './server.mjs';

/**
 * @typedef {{ kind: 'day' | 'range' | 'realtime' | 'unknown', start: string, end: string }} ExpectedPeriod
 * @typedef {{ metric: string, value: number, currency?: string,
 *             breakdown?: { dimension: string, key: string } }} ExpectedReading
 * @typedef {{ url: string, store: string | null, period: ExpectedPeriod, readings: ExpectedReading[],
 *             absent: string[], volatile: boolean, notes: string }} Expected
 * @typedef {{ name: string, htmlPath: string, fixturePath: string, expected: Expected }} Fixture
 */

/**
 * Every `<name>.expected.json` under test/fixtures/<dir>/, sorted by name.
 * `htmlPath` is absolute; `fixturePath` is relative to test/fixtures, as startFixtureServer's routes want.
 * @param {string} [dir]
 * @returns {Fixture[]}
 */
export function listFixtures(dir = 'sycm') {
  const abs = join(FIXTURES_ROOT, dir);
  return readdirSync(abs)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.expected.json'.length);
      const htmlPath = join(abs, `${name}.html`);
      if (!existsSync(htmlPath)) throw new Error(`${f} has no ${name}.html beside it`);
      /** @type {Expected} */
      const expected = JSON.parse(readFileSync(join(abs, f), 'utf8'));
      return { name, htmlPath, fixturePath: relative(FIXTURES_ROOT, htmlPath).split('\\').join('/'), expected };
    });
}
