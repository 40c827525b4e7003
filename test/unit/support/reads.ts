import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageRead } from '@/core/sites';

const FIXTURES = 'test/fixtures';

/** The saved pages of a back office with the address each was saved from. */
export function listFixtures(dir: string): Array<{ name: string; htmlPath: string; url: string }> {
  return readdirSync(join(FIXTURES, dir))
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const name = `${dir}/${f.slice(0, -'.expected.json'.length)}`;
      const { url } = JSON.parse(readFileSync(join(FIXTURES, dir, f), 'utf8')) as { url: string };
      return { name, htmlPath: join(FIXTURES, `${name}.html`), url };
    });
}

/** What a read gives, in a form two reads can be compared by. */
export function summary(read: PageRead) {
  return {
    site: read.site,
    store: read.store,
    period: read.period,
    observed: read.found.map((f) => f.observed),
    elements: read.found.map((f) => f.element),
    unreadable: read.unreadable?.length ?? 0,
    unsettled: read.unsettled,
  };
}
