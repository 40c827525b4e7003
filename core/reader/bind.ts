import type { Binding } from '../bindings';
import { normalizeLabel, type MetricId } from '../metrics';
import { hasDigit, parseNumber } from '../parse';
import type { ObservedValue } from '../types';
import { LabelMatcher } from './labels';
import { acceptValue } from './values';
import { isShown, locatorOf } from './walk';

/**
 * Finding a picked number again on later visits. A binding remembers the text beside the value (the
 * reader's label vocabulary when the card has one, else the nearest text) and on which side of the
 * value it sits, plus the element path as a fallback. Labels survive what redesigns usually do —
 * wrapper elements added, class names regenerated, cards reordered — where paths do not.
 */

/** How far above the value (or the label) a card can reach. */
const MAX_CLIMB = 6;
const MAX_LABEL = 60;
/** A click on something larger than a card (a whole section, the page) picks nothing. */
const MAX_CARD_ELEMENTS = 200;

let matcher: LabelMatcher | undefined;

export interface Described {
  element: Element;
  label: string;
  labelFirst: boolean;
  path: string[];
  raw: string;
  /** The metric the label names, when it is in the vocabulary: the picker preselects it. */
  suggested?: MetricId;
}

/** What to remember about a picked element; null when it shows no number. */
export function describeValue(picked: Element): Described | null {
  const element = valueElement(picked);
  if (!element) return null;
  matcher ??= new LabelMatcher();
  for (let box: Element | null = element.parentElement, i = 0; box && i < MAX_CLIMB; box = box.parentElement, i++) {
    const texts = labelTexts(box, element);
    if (texts.length === 0) continue;
    const before = texts.filter((t) => t.before);
    const vocabulary = texts.find((t) => matcher!.match(t.text));
    const chosen = vocabulary ?? before.at(-1) ?? texts[0]!;
    const suggested = matcher.match(chosen.text)?.metric;
    return {
      element,
      label: chosen.text,
      labelFirst: chosen.before,
      path: pathOf(element),
      raw: clean(element.textContent ?? ''),
      ...(suggested ? { suggested } : {}),
    };
  }
  return { element, label: '', labelFirst: true, path: pathOf(element), raw: clean(element.textContent ?? '') };
}

/** The element a binding points at on this page, or null when neither its label nor its path leads to a number. */
export function locate(doc: Document, binding: Binding): Element | null {
  const body = doc.body;
  if (!body) return null;
  const byLabel: Element[] = [];
  if (binding.label) {
    const want = fold(binding.label);
    const walker = doc.createTreeWalker(body, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (fold(n.data) !== want || !n.parentElement || !isShown(n.parentElement)) continue;
      const value = valueBeside(n, binding.labelFirst);
      if (value) byLabel.push(value);
    }
  }
  if (byLabel.length === 1) return byLabel[0]!;
  if (byLabel.length > 1) {
    // The same caption twice (a card and a table header): the one whose place is closest to the picked one.
    return byLabel.reduce((best, el) =>
      similarity(pathOf(el), binding.path) > similarity(pathOf(best), binding.path) ? el : best,
    );
  }
  const byPath = follow(body, binding.path);
  return byPath && isShown(byPath) && parseNumber(clean(byPath.textContent ?? '')) ? byPath : null;
}

/** The bound numbers on this page, as readings. */
export function readBindings(
  doc: Document,
  bindings: readonly Binding[],
  defaultCurrency?: string,
): Array<{ observed: ObservedValue; element: Element }> {
  const out: Array<{ observed: ObservedValue; element: Element }> = [];
  for (const b of bindings) {
    const element = locate(doc, b);
    if (!element) continue;
    const raw = clean(element.textContent ?? '');
    const parsed = parseNumber(raw);
    const value = parsed ? acceptValue(b.metric, parsed, defaultCurrency) : null;
    if (!value) continue;
    out.push({
      element,
      observed: {
        metric: b.metric,
        value: value.value,
        ...(value.currency ? { currency: value.currency } : {}),
        source: { reader: 'binding', locator: locatorOf(element), label: b.label.slice(0, 120), raw: raw.slice(0, 120) },
      },
    });
  }
  return out;
}

/**
 * The smallest element around the pointer whose whole text is one number ("72.31<sup>%</sup>"
 * included). Cheap enough for every pointer move: three parents at most, no search below.
 */
export function numberAt(target: Element): Element | null {
  for (let el: Element | null = target, i = 0; el && i < 3; el = el.parentElement, i++) {
    const text = el.textContent ?? '';
    if (text.length <= 80 && parseNumber(clean(text))) return el;
  }
  return null;
}

/** The number a click meant: the one under the pointer, or the first one of a small card that was clicked. */
function valueElement(picked: Element): Element | null {
  const direct = numberAt(picked);
  if (direct || picked.getElementsByTagName('*').length > MAX_CARD_ELEMENTS) return direct;
  return (
    Array.from(picked.querySelectorAll('*')).find((el) => {
      const text = el.textContent ?? '';
      return text.length <= 80 && parseNumber(clean(text)) && isShown(el);
    }) ?? null
  );
}

interface LabelText {
  text: string;
  before: boolean;
}

/** Short non-numeric texts in `box` outside the value, in document order, nearest last/first. */
function labelTexts(box: Element, value: Element): LabelText[] {
  const out: LabelText[] = [];
  const walker = box.ownerDocument.createTreeWalker(box, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (value.contains(n)) continue;
    const text = clean(n.data);
    if (!text || text.length > MAX_LABEL || hasDigit(text) || !/[\p{L}]/u.test(text)) continue;
    const parent = n.parentElement;
    if (!parent || parent.closest('script,style,[role="tooltip"]') || !isShown(parent)) continue;
    out.push({ text, before: !!(value.compareDocumentPosition(n) & 2) /* PRECEDING */ });
  }
  // Nearest first on each side: the last text before the value, the first after it.
  const before = out.filter((t) => t.before);
  const after = out.filter((t) => !t.before);
  return [...before, ...after];
}

/** The number nearest to a label text on the remembered side, within the label's card. */
function valueBeside(label: Text, labelFirst: boolean): Element | null {
  for (let box: Element | null = label.parentElement, i = 0; box && i < MAX_CLIMB; box = box.parentElement, i++) {
    const numbers: Element[] = [];
    const walker = box.ownerDocument.createTreeWalker(box, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      if (n === label || !hasDigit(n.data) || !n.parentElement || !isShown(n.parentElement)) continue;
      const before = !!(label.compareDocumentPosition(n) & 2);
      if (before === labelFirst) continue;
      const el = numberElement(n);
      if (el && !numbers.includes(el)) numbers.push(el);
    }
    if (numbers.length) return labelFirst ? numbers[0]! : numbers.at(-1)!;
  }
  return null;
}

/** The element around a digit text that reads as a whole number (a unit may sit in a child). */
function numberElement(text: Text): Element | null {
  for (let el = text.parentElement, i = 0; el && i < 3; el = el.parentElement, i++) {
    const t = clean(el.textContent ?? '');
    if (t.length > 40) return null;
    const parsed = parseNumber(t);
    if (parsed && !parsed.signed) return el;
  }
  return null;
}

function pathOf(el: Element): string[] {
  const steps: string[] = [];
  for (let cur: Element | null = el; cur && cur.tagName !== 'BODY' && cur.parentElement; cur = cur.parentElement) {
    let index = 1;
    for (let sib = cur.previousElementSibling; sib; sib = sib.previousElementSibling) if (sib.tagName === cur.tagName) index++;
    steps.unshift(`${cur.tagName.toLowerCase()}:${index}`);
  }
  return steps.slice(-60);
}

function follow(body: Element, path: readonly string[]): Element | null {
  let cur: Element | null = body;
  for (const step of path) {
    const [tag, n] = step.split(':') as [string, string];
    let count = 0;
    let next: Element | null = null;
    for (const child of Array.from(cur.children)) {
      if (child.tagName.toLowerCase() === tag && ++count === Number(n)) {
        next = child;
        break;
      }
    }
    if (!next) return null;
    cur = next;
  }
  return cur;
}

/** Steps two paths share from the value upwards. */
function similarity(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Labels compare as the catalogue compares them: width, case, dashes, info marks and a trailing colon folded. */
const fold = (s: string) => normalizeLabel(s, true);
