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

/** Each component's class prefix: every rule in X.css starts from a class of X's own. */
const PREFIX: Record<string, string> = {
  Advice: 'advice',
  Change: 'change',
  CustomRules: 'rules',
  DailyReport: 'report',
  DataPanel: 'data',
  EventDays: 'events',
  FirstRun: 'first',
  HostAccess: 'access',
  Inbox: 'inbox',
  LineChart: 'chart',
  MonthReview: 'month',
  Options: 'options',
  PageTools: 'tools',
  Pace: 'pace',
  PaceChecks: 'checks',
  PeerLatest: 'peerl',
  Peers: 'peers',
  PlanDays: 'plan',
  Popup: 'popup',
  ReturningNote: 'retn',
  Review: 'review',
  SheetImport: 'sheet',
  Spend: 'spend',
  SyncStatus: 'sync',
  ReviewAlertSwitches: 'ralerts',
  ShopLines: 'shops',
  Tabs: 'tabs',
  TargetForm: 'target',
  Trends: 'trend',
};
/** The pages' root components also set their page's element defaults (body, tables, buttons, focus). */
const PAGE_ROOTS = new Set(['Popup', 'Options']);

/** Every selector of a style sheet, comments and declarations left out. */
function selectors(css: string): string[] {
  return [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{[^{}]*\}/g)].flatMap((m) =>
    m[1]!.split(',').map((s) => s.trim()),
  );
}

describe('styles beside their components', () => {
  it('names every component’s prefix here', () => {
    expect(Object.keys(PREFIX).sort()).toEqual(COMPONENTS.map((f) => f.replace('.tsx', '')).sort());
  });

  it.each(Object.entries(PREFIX))('scopes every rule of %s.css under its prefix %s-', (component, prefix) => {
    const own = new RegExp(`\\.${prefix}(?:-[\\w-]+)?(?![\\w-])`);
    const found = selectors(readFileSync(`components/${component}.css`, 'utf8'));
    expect(found.length).toBeGreaterThan(0);
    for (const selector of found) {
      const first = selector.split(/[\s>+~]+/)[0]!;
      if (PAGE_ROOTS.has(component) && !first.includes('.')) continue;
      expect(first, `${component}.css: ${selector}`).toMatch(own);
    }
  });

  it('keeps classes out of the shared tokens', () => {
    expect(selectors(readFileSync('components/base.css', 'utf8')).sort()).toEqual(['*', ':root', 'body']);
  });

  it('gives every component its own CSS file and no CSS file without its component', () => {
    expect(COMPONENT_CSS.map((f) => f.replace('.css', '')).sort()).toEqual(COMPONENTS.map((f) => f.replace('.tsx', '')).sort());
  });

  it.each(COMPONENT_CSS)('%s is imported by its component only', (css) => {
    expect(importers(css)).toEqual([join('components', css.replace('.css', '.tsx'))]);
  });

  it('imports the shared tokens from the pages, never from a component', () => {
    expect(importers('base.css').sort()).toEqual([
      'entrypoints/options/main.tsx',
      'entrypoints/popup/app.tsx',
      'test/harness/preview-entry.tsx',
    ]);
  });

  it('puts the tokens before any component’s styles on each page', () => {
    for (const page of ['entrypoints/popup/app.tsx', 'entrypoints/options/main.tsx']) {
      const first = readFileSync(page, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('import'));
      expect(first, page).toBe("import '@/components/base.css';");
    }
  });
});
