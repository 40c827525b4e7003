import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Styles live beside their component: components/X.css is imported by components/X.tsx and by
 * nothing else, and the shared tokens (components/base.css) only by the pages' entrypoints.
 */

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sources(path);
    return /\.(tsx?|mjs|css|html)$/.test(entry.name) ? [path] : [];
  });
}

// This file names the imports it looks for, so it is not one of the files looked at.
const FILES = ['components', 'core', 'entrypoints', 'test'].flatMap(sources).filter((f) => f !== 'test/unit/styles.test.ts');
const cssImports = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:import\s+|@import\s+(?:url\()?)['"]([^'"]+\.css)['"]/g)].map((m) =>
    m[1]!.split('/').pop()!,
  );
const importers = (css: string) => FILES.filter((f) => cssImports(f).includes(css));

const COMPONENT_CSS = readdirSync('components').filter((f) => f.endsWith('.css') && f !== 'base.css');
const COMPONENTS = readdirSync('components').filter((f) => f.endsWith('.tsx'));

describe('styles beside their components', () => {
  it('gives every component its own CSS file and no CSS file without its component', () => {
    expect(COMPONENT_CSS.map((f) => f.replace('.css', '')).sort()).toEqual(COMPONENTS.map((f) => f.replace('.tsx', '')).sort());
  });

  it.each(COMPONENT_CSS)('%s is imported by its component only', (css) => {
    expect(importers(css)).toEqual([join('components', css.replace('.css', '.tsx'))]);
  });

  it('imports the shared tokens from the pages, never from a component', () => {
    expect(importers('base.css').sort()).toEqual([
      'entrypoints/options/main.tsx',
      'entrypoints/popup/main.tsx',
      'test/harness/preview-entry.tsx',
    ]);
  });

  it('puts the tokens before any component’s styles on each page', () => {
    for (const page of ['entrypoints/popup/main.tsx', 'entrypoints/options/main.tsx']) {
      const first = readFileSync(page, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('import'));
      expect(first, page).toBe("import '@/components/base.css';");
    }
  });
});
