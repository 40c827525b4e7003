import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import MANGLED_NAMES from '../../core/content/mangled-names.json';

/**
 * The property names terser renames in the content scripts (wxt.config.ts) must never leave a script:
 * not a field of a message to or from the background, not a name of the badge script's interface (a
 * bundle of its own, renamed differently or not at all), and never written as a string (`'x' in o`,
 * `o['x']`), which the renaming would miss.
 */

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * The files whose types describe what a content script sends and is given: the entries and every file
 * they import types from (`import type`), followed through.
 */
function typeClosure(entries: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/import type [^;]*? from '(\.{1,2}\/[^']+)'/g)) {
      const base = resolve(dirname(file), m[1]!);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((f) => {
        try {
          return statSync(f).isFile();
        } catch {
          return false;
        }
      });
      if (found) visit(found);
    }
  };
  for (const e of entries) visit(resolve(ROOT, e));
  return seen;
}

const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** Member names a file declares or reads: `name:` / `name?:`, `name(` at a line's start, `.name`; comments left out. */
function memberNames(text: string): Set<string> {
  const code = withoutComments(text);
  const names = new Set<string>();
  for (const re of [/(\w+)\??\s*:/g, /^\s*(?:(?:public|readonly|static|get|set|async)\s+)*\*?(\w+)\s*[(<=]/gm, /\.(\w+)/g])
    for (const m of code.matchAll(re)) names.add(m[1]!);
  return names;
}

/** What crosses a content script's edge: the message protocol (to and from the background) and the badge script's kit. */
const EDGE = ['core/messages.ts', 'core/content/badge.ts', 'core/content/badge-kit.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) return sources(abs);
    return /\.tsx?$/.test(name) ? [abs] : [];
  });
}

/** Why each name may not be renamed inside a content script; empty when it may. */
export function renameProblems(names: readonly string[]): string[] {
  const words = new Map<string, string>();
  for (const f of typeClosure(EDGE)) for (const w of memberNames(readFileSync(f, 'utf8'))) if (!words.has(w)) words.set(w, f);
  const code = [...sources(join(ROOT, 'core')), ...sources(join(ROOT, 'entrypoints'))].map((f) => ({
    f,
    text: withoutComments(readFileSync(f, 'utf8')),
  }));
  const problems: string[] = [];
  for (const name of names) {
    const at = words.get(name);
    if (at) problems.push(`${name} is a member name in ${at.slice(ROOT.length + 1)}, whose types cross a content script's edge`);
    const quoted = new RegExp(`['"\`]${name}['"\`]`);
    for (const { f, text } of code)
      if (quoted.test(text)) problems.push(`${name} is written as a string in ${f.slice(ROOT.length + 1)}`);
  }
  return problems;
}

describe('property names renamed in the content scripts', () => {
  it('are sorted, unique and plain identifiers', () => {
    expect(MANGLED_NAMES).toEqual([...new Set(MANGLED_NAMES)].sort());
    for (const n of MANGLED_NAMES) expect(n).toMatch(/^[A-Za-z]\w{2,}$/);
  });

  it('never leave a content script', () => {
    expect(renameProblems(MANGLED_NAMES)).toEqual([]);
  });

  it('the check refuses a name that crosses the edge or is written as a string', () => {
    // `observed` is a report's list of values, `pace` a field of the report's answer and a kit method,
    // `dismissed` a tab message and an evaluation's field; `pageSetup` is a message type, a string.
    const problems = renameProblems(['observed', 'pace', 'dismissed', 'pageSetup']);
    for (const n of ['observed', 'pace', 'dismissed', 'pageSetup'])
      expect(problems.some((p) => p.startsWith(`${n} is`))).toBe(true);
    expect(problems.filter((p) => p.startsWith('pageSetup is written as a string')).length).toBeGreaterThan(0);
  });
});
