import { CURRENCY_CODES, parseNumber, type ParsedNumber } from '../parse';
import { COMPARISON_CUE } from './labels';
import { isShown } from './walk';

/**
 * Numbers printed in a line of text, as analytics tools write them: "1,234 visits, 567 unique
 * visitors", "45% visits have bounced", "3 min 5s average visit duration", "$1,234 total revenue",
 * "Total revenue $1,234 and 120 orders". One number per quantity phrase: the line is cut into phrases
 * at separators (",", ";", "、", "|", "and"); within a phrase, the value comes before its words when
 * the phrase starts with a number, after them otherwise. A label takes only the number next to it in
 * its own phrase, so a line never lends one quantity's number to another.
 */

/** Elements that flow inside a line of text; a line made only of these is read as a sentence. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'CODE',
  'DATA',
  'EM',
  'FONT',
  'I',
  'MARK',
  'Q',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
]);
/** The longest line read as a sentence of numbers (the page's text pass keeps label candidates up to it). */
export const MAX_LINE = 320;
/** Where one quantity phrase ends and the next begins; a comma between digits is a thousands separator. */
const SEPARATOR = /(?<![\d０-９])[,，]|[,，](?![\d０-９])|[;；、|·]|\s(?:and|&)\s|以及/g;
/** A currency code printed beside a number ("CNY 1.59", "1,234 USD"); other capitals are words of a label ("ROI 4.16", "ACOS 9.43%"). */
const CODE = `(?<![A-Za-z])(?:${CURRENCY_CODES.join('|')})`;
/** A number as printed in prose: currency, digits, a magnitude or unit, or a duration such as "3 min 5s" or "02:15". */
const NUMBER = new RegExp(
  `(?:[A-Z]{1,2}\\$|${CODE} ?|RM|Rp|[$¥￥€£₱฿₫₩₹])?[-+−]?(?:\\d+(?:\\.\\d+)? ?(?:hrs?|h|mins?|m|secs?|s|小时|小時|分钟|分鐘|分|秒)(?: ?\\d+(?:\\.\\d+)? ?(?:mins?|m|secs?|s|分钟|分鐘|分|秒))*(?![A-Za-z])|\\d{1,2}:\\d{2}(?::\\d{2})?|[\\d０-９](?:[\\d０-９,.]*[\\d０-９])?(?: ?(?:%|％|万元|万|萬|亿|億|[KkMB](?![A-Za-z])|元|人|次|件|笔|单|个|${CODE})(?![A-Za-z]))?)`,
  'g',
);
/** What may follow a comparison's words at the start of the rest of a phrase: "较昨日 +5%", "（同行平均 3.20）", "vs 3.9 last week". */
const COMPARISON_NEXT = new RegExp(`^[\\s(（\\[【]*(?:${COMPARISON_CUE.source})`, 'i');
/** Between a label and its number: spaces, a colon, the label's unit in brackets. */
const GAP = /^(?:\s|[:：]|[(（][^()（）]{1,6}[)）])*$/;
/** A label's number never runs on into words ("3个计划"); a space, a bracket, a change chip ("↑ 4.37%") may follow it. */
const RUNS_ON = /^\p{L}/u;

/** Marks a label's place in the line's text. */
const LABEL = '\u0000';

export interface SentenceValue {
  element: Element;
  parsed: ParsedNumber;
  raw: string;
}

/**
 * The line of text a label sits in, when the line is prose made of inline elements and holds more
 * than one number; null when it is a card, a list or a line with one number (read as before).
 */
export function sentenceOf(
  label: { node: Text; text: string },
  labels: ReadonlyMap<Text, readonly string[]>,
): { line: Element; text: string; nodes: Array<[number, Text]> } | null {
  let line = label.node.parentElement;
  if (line && INLINE.has(line.tagName) && line.parentElement) line = line.parentElement;
  if (!line || (line.textContent?.length ?? 0) > MAX_LINE) return null;
  // A line of a component (a host, a slot, slotted children) renders in another order than its light DOM.
  if (line.shadowRoot) return null;
  const all = line.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) if (!INLINE.has(all[i]!.tagName) || all[i]!.shadowRoot || all[i]!.slot) return null;
  let text = '';
  const nodes: Array<[number, Text]> = [];
  const walker = line.ownerDocument.createTreeWalker(line, 4 /* SHOW_TEXT */);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (n.parentElement !== line && !isShown(n.parentElement!)) continue;
    nodes.push([text.length, n]);
    let data = n.data;
    // Other labels stay in the line as marks, so no number crosses one; ours is the one mark to find.
    for (const other of labels.get(n) ?? []) if (n !== label.node || other !== label.text) data = data.replace(other, ' \u0001 ');
    text += n === label.node ? data.replace(label.text, LABEL) : data;
  }
  return text.includes(LABEL) && (text.match(NUMBER)?.length ?? 0) >= 2 ? { line, text, nodes } : null;
}

/** The number of the label's own phrase, or null when its phrase has none. */
export function phraseValue(sentence: { line: Element; text: string; nodes: Array<[number, Text]> }): SentenceValue | null {
  const { text, nodes, line } = sentence;
  const at = text.indexOf(LABEL);
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index! < at) start = m.index! + m[0].length;
    else {
      end = m.index!;
      break;
    }
  }
  const phrase = text.slice(start, end);
  const tokens = [...phrase.matchAll(NUMBER)].map((m) => ({ at: start + m.index!, raw: m[0] }));
  // Another label between the number and ours makes the number that label's.
  const between = (a: number, b: number) => text.slice(a, b).includes('\u0001');
  const valueFirst = tokens.length > 0 && phrase.slice(0, tokens[0]!.at - start).trim() === '';
  const token = valueFirst
    ? tokens.filter((t) => t.at < at && !between(t.at, at)).at(-1)
    : tokens.find((t) => t.at > at && !between(at, t.at));
  if (!token) return null;
  // The label's number is the one right beside it ("消耗 ¥1,234", "1,234 visits"), never one further on
  // ("ROI 目标 5.0", "消耗 3 个计划"), and never one that runs on into other words.
  const after = token.at + token.raw.length;
  if (valueFirst ? text.slice(after, at).trim() !== '' : !GAP.test(text.slice(at + 1, token.at))) return null;
  const rest = text.slice(after, end);
  if (!valueFirst && RUNS_ON.test(rest) && !COMPARISON_NEXT.test(rest)) return null;
  const parsed = parseNumber(token.raw.trim());
  if (!parsed) return null;
  const node = nodes.filter(([offset]) => offset <= token.at).at(-1)?.[1];
  return { element: node?.parentElement ?? line, parsed, raw: token.raw.trim() };
}

/** The quantity phrases of one text, each with its one number or none: "1,234 visits, unique visitors" → visits 1,234; unique visitors. */
export function phrasesIn(text: string): Array<{ words: string; raw: string }> {
  const out: Array<{ words: string; raw: string }> = [];
  const phrases = text.split(SEPARATOR);
  if (phrases.length < 2 && !/\d/.test(text)) return out;
  for (const phrase of phrases) {
    const numbers = phrase.match(NUMBER) ?? [];
    if (numbers.length > 1) {
      // A phrase with two numbers is a comparison or a date, not one quantity, unless it is a label,
      // its number right after it, then only a comparison of that number: "消耗 ¥1,234.00 较昨日 +5%".
      const lead = labelThenComparison(phrase);
      if (lead) out.push(lead);
      continue;
    }
    const words = phrase
      .replace(numbers[0] ?? '', ' ')
      .replace(/[(（][^()（）]*[)）]/g, ' ')
      .replace(/[。.!！]\s*$/u, '')
      .trim();
    if (words) out.push({ words, raw: (numbers[0] ?? '').trim() });
  }
  return out;
}

/** "消耗 ¥1,234.00 较昨日 +5%", "ROI：4.16（同行平均 3.20）" → 消耗 ¥1,234.00, ROI 4.16; anything else in the phrase → null. */
function labelThenComparison(phrase: string): { words: string; raw: string } | null {
  NUMBER.lastIndex = 0;
  const first = NUMBER.exec(phrase);
  NUMBER.lastIndex = 0;
  if (!first) return null;
  const words = phrase
    .slice(0, first.index)
    .replace(/[:：]\s*$/, '')
    .trim();
  const rest = phrase.slice(first.index + first[0].length);
  return words && COMPARISON_NEXT.test(rest) ? { words, raw: first[0].trim() } : null;
}
