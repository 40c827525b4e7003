import { describe, expect, it } from 'vitest';
import { ALL_MATCHES, CONTENT_SCRIPTS, SITES } from '@/core/sites';

/** Every content-script entrypoint, by its script's name (`entrypoints/<name>.content.ts`). */
const ENTRIES = Object.fromEntries(
  Object.entries(
    import.meta.glob<{ default: { matches: string[]; cssInjectionMode?: string } }>('../../entrypoints/*.content.ts', {
      eager: true,
    }),
  ).map(([file, mod]) => [/\/([\w-]+)\.content\.ts$/.exec(file)![1]!, mod.default]),
);

describe('content scripts, one per back office', () => {
  it('has an entrypoint for each script of the registry and no other', () => {
    expect(Object.keys(ENTRIES).sort()).toEqual(Object.keys(CONTENT_SCRIPTS).sort());
  });

  it('puts every back office in exactly one script', () => {
    const listed = Object.values(CONTENT_SCRIPTS).flat();
    expect(listed.map((s) => s.id).sort()).toEqual(SITES.map((s) => s.id).sort());
  });

  it.each(Object.entries(CONTENT_SCRIPTS))('%s runs on exactly its adapters’ hosts, with no stylesheet', (name, sites) => {
    const entry = ENTRIES[name]!;
    expect([...entry.matches].sort()).toEqual([...new Set(sites.flatMap((s) => s.matches))].sort());
    expect(entry.cssInjectionMode).toBe('manual');
  });

  it('matches every back office’s hosts and nothing else, no host in two scripts', () => {
    const all = Object.values(ENTRIES).flatMap((e) => e.matches);
    expect(new Set(all).size, 'a host in two scripts would run two readers on one page').toBe(all.length);
    expect([...all].sort()).toEqual([...ALL_MATCHES].sort());
  });
});
