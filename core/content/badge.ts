/**
 * The in-page warning next to a bad number. A `<storepulse-badge>` element with a closed shadow root:
 * page styles and page scripts cannot reach in, and every string reaches it through textContent,
 * never as HTML. Only the operator's own clicks and keys act on it: events a page script dispatches
 * (`isTrusted` false) open and dismiss nothing. The host's `data-metric` and `data-severity` (and
 * `data-open` while the advice shows) say what it is without opening the root.
 *
 * Layout: the host is absolutely positioned inside the value's containing block, at the right end of
 * the value's text, so the page's own layout never moves (no line breaks, no flex gaps) and the number
 * stays visible. Events stop at the host so the page's card click handlers never fire.
 */

import { formatValue } from '../format';
import { metricName, stringTable, translatorOf, type Locale } from '../i18n';
import type { WordedEvaluation } from '../messages';
import type { PaceText } from '../pace-text';
import type { Found } from '../reader/recognise';
import { BADGE_STRINGS, type BadgeTranslate } from '../strings/badge';
import { BADGE_TAG } from './badge-tag';

export interface BadgeContent {
  metric: string;
  /** info: a note, not an alert (a number StorePulse could not read as shown). */
  severity: 'warn' | 'critical' | 'info';
  severityLabel: string;
  /** "跳失率 72.31%，已达到或高于 70%" */
  headline: string;
  /** One line: the first thing to do. */
  summary: string;
  owner: string;
  steps: readonly string[];
  openLabel: string;
  closeLabel: string;
  /** Absent for notes, which cannot be dismissed (they go away with the number). */
  dismissLabel?: string;
}

const STYLE = `
:host { all: initial; position: absolute; z-index: 2147483000; display: block; width: 0; height: 0; overflow: visible; }
.wrap { position: absolute; left: 0; top: 0; font: 400 12px/1.4 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; color: #1f1f1f; letter-spacing: normal; word-spacing: normal; text-transform: none; text-align: left; text-indent: 0; text-shadow: none; font-variant: normal; direction: ltr; }
.pill { box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; padding: 2px 8px 2px 6px; border-radius: 999px; border: 1px solid; background: #fff; cursor: pointer; white-space: nowrap; box-shadow: 0 1px 3px rgba(0,0,0,.15); font: inherit; color: inherit; }
.pill:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
.critical .pill { border-color: #d93025; background: #fdecea; }
.warn .pill { border-color: #e8710a; background: #fff4e5; }
.dot { flex: none; width: 8px; height: 8px; border-radius: 50%; }
.critical .dot { background: #d93025; }
.warn .dot { background: #e8710a; }
.info .pill { border-color: #9aa0a6; background: #f1f3f4; }
.info .dot { background: #5f6368; }
.info .sev { color: #3c4043; }
.sev { flex: none; font-weight: 600; }
.critical .sev { color: #b3261e; }
.warn .sev { color: #a04f00; }
.compact .sum, .mini .sum, .mini .sev { display: none; }
.compact .pill { padding: 2px 6px; }
.mini .pill { padding: 4px; }
.panel { position: fixed; inset: auto; margin: 0; color: inherit; font: inherit; box-sizing: border-box; width: 300px; max-width: calc(100vw - 16px); max-height: calc(100vh - 16px); overflow: auto; padding: 10px 12px; border-radius: 8px; background: #fff; border: 1px solid #dadce0; box-shadow: 0 4px 16px rgba(0,0,0,.18); white-space: normal; }
.panel[hidden] { display: none; }
.headline { margin: 0 0 6px; font-weight: 600; }
.first { margin: 0 0 4px; }
.owner { margin: 0 0 6px; color: #5f6368; }
ol { margin: 0 0 8px; padding-left: 18px; }
li { margin: 2px 0; }
.dismiss { font: inherit; padding: 3px 10px; border-radius: 4px; border: 1px solid #dadce0; background: #f8f9fa; cursor: pointer; color: #1f1f1f; }
.dismiss:hover { background: #eef0f2; }
`;

const GAP = 6;
/** The one-line fix shows only when the pill stays this narrow; it is never cut. */
const MAX_PILL = 320;

const rectsOf = (range: Range): DOMRect[] => [...range.getClientRects()].filter((r) => r.width > 0);

/**
 * The free space on the value's line, left and right of its text: to the edges of the content box of
 * the nearest block-level box around the value, past the empty part of the next table cell, and never
 * over text before the value on its line.
 */
function freeSpan(el: Element, text: DOMRect): [number, number] {
  const doc = el.ownerDocument;
  const view = doc.defaultView!;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const style = view.getComputedStyle(cur);
    if (style.display.startsWith('inline') || style.display === 'contents') continue;
    const rect = cur.getBoundingClientRect();
    let left = rect.left + cur.clientLeft + parseFloat(style.paddingLeft);
    let right = left + cur.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const range = doc.createRange();
    range.setStart(cur, 0);
    range.setEndBefore(el);
    for (const r of rectsOf(range)) if (r.bottom > text.top && r.top < text.bottom) left = Math.max(left, r.right + GAP);
    const next = style.display === 'table-cell' ? cur.nextElementSibling : null;
    if (next) {
      range.selectNodeContents(next);
      right = Math.min(...rectsOf(range).map((r) => r.left - GAP), next.getBoundingClientRect().right);
    }
    return [text.left - left, right - text.right];
  }
  return [0, view.innerWidth - text.right];
}

const STOPPED_EVENTS = [
  'click',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'dblclick',
  'keydown',
  'keyup',
  'keypress',
  'focusin',
  'focusout',
  'wheel',
];

export class Badge {
  readonly host: HTMLElement;
  private readonly wrap: HTMLDivElement;
  private readonly pill: HTMLButtonElement;
  private readonly panel: HTMLDivElement;
  private readonly parts: {
    sev: HTMLElement;
    sum: HTMLElement;
    headline: HTMLElement;
    first: HTMLElement;
    owner: HTMLElement;
    steps: HTMLOListElement;
    dismiss: HTMLButtonElement;
  };
  private content: BadgeContent;
  private anchor: Element | null = null;
  private pinned = false;
  private readonly gone = new AbortController();

  constructor(doc: Document, content: BadgeContent, onDismiss: () => void) {
    this.content = content;
    this.host = doc.createElement(BADGE_TAG);
    const shadow = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    this.wrap = doc.createElement('div');
    this.pill = doc.createElement('button');
    this.pill.type = 'button';
    this.pill.className = 'pill';
    const dot = doc.createElement('span');
    dot.className = 'dot';
    const sev = doc.createElement('span');
    sev.className = 'sev';
    const sum = doc.createElement('span');
    sum.className = 'sum';
    this.pill.append(dot, sev, sum);
    this.panel = doc.createElement('div');
    this.panel.className = 'panel';
    this.panel.hidden = true;
    // In the top layer where the browser has one, so no transformed or clipping ancestor on the page moves
    // or cuts the advice (a fixed element inside a transform is placed against that ancestor, not the window).
    if ('showPopover' in this.panel) this.panel.popover = 'manual';
    this.panel.setAttribute('role', 'dialog');
    const headline = doc.createElement('p');
    headline.className = 'headline';
    const first = doc.createElement('p');
    first.className = 'first';
    const owner = doc.createElement('p');
    owner.className = 'owner';
    const steps = doc.createElement('ol');
    const dismiss = doc.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'dismiss';
    this.panel.append(headline, first, owner, steps, dismiss);
    this.wrap.append(this.pill, this.panel);
    shadow.append(style, this.wrap);
    this.parts = { sev, sum, headline, first, owner, steps, dismiss };

    for (const type of STOPPED_EVENTS) this.host.addEventListener(type, (e) => e.stopPropagation());
    // Hover and keyboard focus show the advice while they last; a click keeps it open until the next.
    for (const type of ['mouseenter', 'mouseleave', 'focusin', 'focusout'])
      this.host.addEventListener(type, (e) => {
        const open = type === 'mouseenter' || type === 'focusin' || this.host.matches(':hover');
        if (e.isTrusted) this.show(open);
      });
    doc.addEventListener('scroll', () => this.panel.hidden || this.show(true), {
      capture: true,
      passive: true,
      signal: this.gone.signal,
    });
    this.pill.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      this.pinned = !this.pinned;
      this.show(this.pinned);
    });
    dismiss.addEventListener('click', (e) => e.isTrusted && onDismiss());
    this.render();
  }

  update(content: BadgeContent): void {
    this.content = content;
    this.render();
  }

  private render(): void {
    const c = this.content;
    this.host.setAttribute('data-metric', c.metric);
    this.host.setAttribute('data-severity', c.severity);
    this.host.toggleAttribute('data-open', !this.panel.hidden);
    this.parts.sev.textContent = c.severityLabel;
    this.parts.sum.textContent = c.summary;
    this.pill.title = `${c.headline}\n${c.summary}`;
    this.pill.setAttribute('aria-expanded', String(!this.panel.hidden));
    this.pill.setAttribute('aria-label', `${c.severityLabel}: ${c.headline}. ${this.panel.hidden ? c.openLabel : c.closeLabel}`);
    this.parts.headline.textContent = c.headline;
    this.parts.first.textContent = c.summary;
    this.parts.first.hidden = c.summary === c.headline;
    this.parts.owner.textContent = c.owner;
    this.parts.steps.replaceChildren(
      ...c.steps.map((s) => {
        const li = this.host.ownerDocument.createElement('li');
        li.textContent = s;
        return li;
      }),
    );
    this.parts.dismiss.hidden = !c.dismissLabel;
    this.parts.dismiss.textContent = c.dismissLabel ?? '';
  }

  private show(open: boolean): void {
    if (!open && this.pinned) return;
    this.panel.hidden = !open;
    this.topLayer(open);
    this.render();
    if (!open) return;
    // Fixed to the window, so no card that clips its overflow cuts the advice; below the pill, or above
    // it when the window has no room below, and never past the window's edges.
    const view = this.host.ownerDocument.defaultView!;
    const pill = this.pill.getBoundingClientRect();
    const panel = this.panel.getBoundingClientRect();
    const top = pill.bottom + panel.height > view.innerHeight - 8 ? Math.max(8, pill.top - panel.height) : pill.bottom;
    this.panel.style.left = `${Math.max(8, Math.min(pill.left, view.innerWidth - 8 - panel.width))}px`;
    this.panel.style.top = `${top}px`;
  }

  private topLayer(open: boolean): void {
    if (!this.panel.popover) return;
    try {
      if (open && !this.panel.matches(':popover-open')) this.panel.showPopover();
      else if (!open && this.panel.matches(':popover-open')) this.panel.hidePopover();
    } catch {
      // Not connected yet, or the page closed it: the panel stays fixed in the shadow root, as without popovers.
    }
  }

  get attachedTo(): Element | null {
    return this.anchor && this.anchor.isConnected && this.host.isConnected ? this.anchor : null;
  }

  /** Places the badge at the end of the value's text, inside the value element. */
  attach(valueElement: Element): void {
    if (this.anchor !== valueElement || !this.host.isConnected || this.host.parentNode !== valueElement) {
      valueElement.append(this.host);
      this.anchor = valueElement;
    }
    this.position();
  }

  position(): void {
    const anchor = this.anchor;
    if (!anchor) return;
    const doc = anchor.ownerDocument;
    const range = doc.createRange();
    range.selectNodeContents(anchor);
    // The badge itself sits inside the anchor; measure only the value's own content before it.
    if (this.host.parentNode === anchor) range.setEndBefore(this.host);
    const rects = range.getClientRects();
    const text = rects.length ? rects[rects.length - 1]! : anchor.getBoundingClientRect();
    // Stay in the free space beside the value (its card, its cell) so no neighbouring number is covered,
    // and never cut a word: the pill shows the severity and the whole one-line fix where that fits, the
    // severity alone where only that fits, else just its dot; right of the number, or left of it (a
    // right-aligned cell) when only that side has room.
    const { wrap, pill } = this;
    wrap.className = `wrap ${this.content.severity}`;
    const full = pill.offsetWidth;
    const sum = this.parts.sum.offsetWidth + GAP;
    const sev = this.parts.sev.offsetWidth + GAP;
    const [leftRoom, rightRoom] = freeSpan(anchor, text);
    const fits = (w: number) => (w <= rightRoom - GAP ? 1 : w <= leftRoom - GAP ? -1 : 0);
    let width = full;
    let side = full <= MAX_PILL ? fits(full) : 0;
    if (!side) (wrap.classList.add('compact'), (side = fits((width = full - sum))));
    if (!side) (wrap.classList.add('mini'), (width = full - sum - sev), (side = leftRoom > rightRoom ? -1 : 1));
    // Measured from where the host lands at 0, 0 of whatever block holds it (a positioned cell, a card
    // with a transform or a filter, a scrolled box), not from offsetParent, which knows no transforms.
    const x = side > 0 ? text.right + GAP : text.left - GAP - width;
    const y = text.top + (text.height - pill.offsetHeight) / 2;
    this.host.style.setProperty('left', '0px', 'important');
    this.host.style.setProperty('top', '0px', 'important');
    const origin = this.host.getBoundingClientRect();
    this.host.style.setProperty('left', `${Math.round(x - origin.left)}px`, 'important');
    this.host.style.setProperty('top', `${Math.round(y - origin.top)}px`, 'important');
    if (!this.panel.hidden) this.show(true);
  }

  remove(): void {
    this.gone.abort();
    this.host.remove();
    this.anchor = null;
  }
}

/**
 * The page's translator, with the badge's own words in the page's language where the background gave
 * none (before its setup came, or when it did not answer): the note on an unreadable number needs
 * nothing else, and no badge ever shows a bare key of these.
 */
function wordsOf(t: BadgeTranslate, locale: Locale): BadgeTranslate {
  const own: BadgeTranslate = translatorOf(stringTable(locale, [BADGE_STRINGS]));
  return (key, params) => {
    const said = t(key, params);
    return said === key ? own(key, params) : said;
  };
}

/** A badge the page session wants on the page: its key, the value's element, and what it says. */
export interface Wanted {
  key: unknown;
  element: Element;
  content(kit: BadgeKit): BadgeContent;
  /** The alert its dismiss button dismisses; none for today's pace and notes. */
  alertId?: string;
}

/**
 * A page session's badges on the page, kept to what the session last asked for, in groups (the alerts'
 * and pace's badges, the notes on unreadable numbers) that are placed apart. Lives in the badge script:
 * a page that never shows a badge never loads it.
 */
class BadgeBoard {
  private readonly groups = new Map<string, Map<unknown, Badge>>();

  constructor(
    private readonly doc: Document,
    private readonly onDismiss: (alertId: string) => void,
  ) {}

  /**
   * Exactly these badges in the group, each on its element: new ones made, others taken down. A step per
   * badge placed (each measures the page's layout): the page session pauses between them, and a newer
   * placement stops this one; the badges it no longer wants go when that one ends.
   */
  *show(group: string, wanted: readonly Wanted[]): Generator<void, void> {
    let shown = this.groups.get(group);
    if (!shown) this.groups.set(group, (shown = new Map()));
    const keys = new Set<unknown>();
    for (const w of wanted) {
      keys.add(w.key);
      const content = w.content(BADGE_KIT);
      let badge = shown.get(w.key);
      if (!badge) {
        const alertId = w.alertId;
        badge = new Badge(this.doc, content, () => alertId !== undefined && this.onDismiss(alertId));
        shown.set(w.key, badge);
      } else badge.update(content);
      if (badge.attachedTo !== w.element) badge.attach(w.element);
      else badge.position();
      yield;
    }
    for (const [key, badge] of shown)
      if (!keys.has(key)) {
        badge.remove();
        shown.delete(key);
      }
  }

  /** Each badge placed again (the window was resized). */
  position(): void {
    for (const shown of this.groups.values()) for (const badge of shown.values()) badge.position();
  }

  /** Every badge taken down (the session stopped, or the page moved on in-page). */
  clear(): void {
    for (const shown of this.groups.values()) for (const badge of shown.values()) badge.remove();
    this.groups.clear();
  }
}

export type BadgeKit = typeof BADGE_KIT;

/**
 * What the badge script gives the page session (core/content/badge-kit.ts): the badge, and what an
 * alert's, today's pace's and an unreadable number's badge say, in the page's words.
 */
export const BADGE_KIT = {
  /** A page session's badges (core/content/session.ts decides which; the board places them). */
  board: (doc: Document, onDismiss: (alertId: string) => void) => new BadgeBoard(doc, onDismiss),

  alert(observed: Found['observed'], e: WordedEvaluation, pageT: BadgeTranslate, locale: Locale): BadgeContent {
    const t = wordsOf(pageT, locale);
    const metric = metricName(t, e.metric);
    const value = formatValue(e.metric, observed.value, locale, observed.currency);
    const threshold = formatValue(e.metric, e.threshold, locale, observed.currency);
    const key = e.direction === 'above' ? 'rule_above' : e.severity === 'critical' ? 'rule_below' : 'rule_belowOrAt';
    return {
      metric: e.metric,
      severity: e.severity,
      severityLabel: t(`severity_${e.severity}`),
      headline: t(key, { metric, value, threshold }),
      summary: e.words.summary,
      owner: e.words.owner,
      steps: e.words.steps,
      openLabel: t('badge_open'),
      closeLabel: t('badge_close'),
      dismissLabel: t('badge_dismiss'),
    };
  },

  pace(text: PaceText, pageT: BadgeTranslate, locale: Locale): BadgeContent {
    const t = wordsOf(pageT, locale);
    const lever = text.lever;
    return {
      metric: 'pace',
      severity: text.behind ? 'warn' : 'info',
      severityLabel: t('pace_badgeLabel'),
      headline: text.headline,
      summary: text.short,
      owner: lever ? `${lever.text} · ${lever.owner}` : text.soFar,
      steps: [
        ...(lever ? [lever.fix, ...(lever.source ? [lever.source] : []), text.soFar] : []),
        text.range,
        ...(text.basis ? [text.basis] : []),
      ],
      openLabel: t('badge_open'),
      closeLabel: t('badge_close'),
    };
  },

  /** A note beside a number that could not be read as shown, so the operator knows why it is missing. */
  unreadable(pageT: BadgeTranslate, locale: Locale): BadgeContent {
    const t = wordsOf(pageT, locale);
    return {
      metric: 'unreadable',
      severity: 'info',
      severityLabel: t('badge_note'),
      headline: t('badge_unreadable'),
      summary: t('badge_unreadable'),
      owner: t('badge_unreadableWhy'),
      steps: [],
      openLabel: t('badge_open'),
      closeLabel: t('badge_close'),
    };
  },
};
