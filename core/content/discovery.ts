import { runToEnd, shadowHostSteps } from '../reader/scan';
import { runInSlices, yieldToPage } from './slices';
import { frameDocument } from '../reader/walk';

/**
 * The shadow roots and frames a page session reads, and how it learns of new ones.
 *
 * Roots that come with added nodes are found among the nodes a MutationObserver reports. Two kinds
 * of new content make no mutation in any tree the session watches, so they are looked for:
 * - `attachShadow` on an element already in the page: custom elements the page defines after load
 *   (each `:not(:defined)` element a search meets is checked for a root every PROBE_MS while the page
 *   is young, then every SLOW_PROBE_MS while any stays undefined), and components that attach a root
 *   to an element already defined (a few full searches in the first seconds);
 * - a same-origin frame that loads its document after the page was read (its `load` event).
 * The content script runs in an isolated world: patching `attachShadow` there would not see the
 * page's calls, and COMPAT(chrome) its `customElements` is null, so no `whenDefined` either.
 */

/** How often undefined custom elements are checked while the page is young. */
const PROBE_MS = 250;
/** How often after that, while any stays undefined, for at most GIVE_UP_MS. */
const SLOW_PROBE_MS = 2000;
/** The page is young for this long after the session starts, navigates, or meets new undefined elements. */
const YOUNG_MS = 10_000;
const GIVE_UP_MS = 120_000;
/** Full searches for roots attached to elements already defined, while the page is young. */
const FULL_SEARCHES = 3;
const FULL_SEARCH_MS = 1000;

export class RootWatch {
  private hosts = new Set<Element>();
  /** Custom elements not yet defined: they may attach a shadow root when the page defines them. */
  private readonly waiting = new Set<Element>();
  private pending: Element[] = [];
  private searchedAt = -Infinity;
  private youngUntil = 0;
  private fullSearches = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param found called with each shadow root or frame document that appeared without a mutation
   * the session saw; the session watches it and reads soon.
   */
  constructor(
    private readonly doc: Document,
    private readonly found: (root: ShadowRoot | Document) => void,
    private readonly signal: AbortSignal,
    private readonly refreshMs = 15_000,
  ) {
    doc.addEventListener(
      'load',
      (e) => {
        const target = e.target as Element;
        const inner = target.localName === 'iframe' || target.localName === 'frame' ? frameDocument(target) : null;
        if (inner?.body) found(inner);
      },
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => clearTimeout(this.timer), { once: true });
  }

  /** Called from the MutationObserver callback: only queues, the search happens at the next read. */
  noteAdded(records: readonly MutationRecord[]): void {
    for (const r of records) {
      for (const n of Array.from(r.addedNodes)) if (n.nodeType === 1) this.pending.push(n as Element);
    }
  }

  /**
   * The open shadow hosts of the page, for a read at `now`; resumable, since searching a big page for
   * hosts is a pass over every element. Given up between steps, it loses nothing: a full search not
   * finished is begun again, and added nodes leave the queue only once searched.
   */
  *currentSteps(now: number): Generator<void, Set<Element>> {
    const before = this.waiting.size;
    if (now - this.searchedAt >= this.refreshMs) {
      this.pending = [];
      this.hosts = yield* this.search();
      this.searchedAt = now;
    } else {
      while (this.pending.length) {
        const el = this.pending[0]!;
        if (el.isConnected) yield* shadowHostSteps(el, this.hosts, 0, this.waiting);
        this.pending.shift();
      }
    }
    for (const h of this.hosts) if (!h.isConnected) this.hosts.delete(h);
    if (this.waiting.size > before || this.youngUntil === 0) this.youngUntil = now + YOUNG_MS;
    this.tickSoon();
    return this.hosts;
  }

  /** In-page navigation: search afresh, and look for late roots again as on a new page. */
  forget(): void {
    this.searchedAt = -Infinity;
    this.youngUntil = 0;
    this.fullSearches = 0;
  }

  private *search(): Generator<void, Set<Element>> {
    this.waiting.clear();
    return yield* shadowHostSteps(this.doc, new Set(), 0, this.waiting);
  }

  private tickSoon(): void {
    if (this.timer !== undefined || this.signal.aborted) return;
    const now = Date.now();
    const young = now < this.youngUntil;
    const more = this.waiting.size > 0 ? now < this.youngUntil + GIVE_UP_MS : young && this.fullSearches < FULL_SEARCHES;
    if (!more) return;
    this.timer = setTimeout(
      () =>
        void this.tick()
          .finally(() => (this.timer = undefined))
          .then(() => this.tickSoon()),
      young ? PROBE_MS : SLOW_PROBE_MS,
    );
  }

  private async tick(): Promise<void> {
    const now = Date.now();
    const fresh: ShadowRoot[] = [];
    for (const el of this.waiting) {
      const shadow = el.isConnected ? el.shadowRoot : null;
      if (shadow) {
        // Defined at last, with a root: its content may hold more elements still undefined.
        this.hosts.add(el);
        runToEnd(shadowHostSteps(shadow, this.hosts, 1, this.waiting));
        fresh.push(shadow);
      }
      if (!el.isConnected || shadow || el.matches(':defined')) this.waiting.delete(el);
    }
    if (now < this.youngUntil && this.fullSearches < FULL_SEARCHES && now - this.searchedAt >= FULL_SEARCH_MS) {
      this.fullSearches++;
      // In slices: on a big page a search over every element would be a long task of its own.
      const search = await runInSlices(this.search(), {
        clock: () => performance.now(),
        pause: () => yieldToPage(this.doc.defaultView ?? globalThis),
        changed: () => false,
        stopped: () => this.signal.aborted,
      });
      if (!search.done) return;
      for (const h of search.value) if (!this.hosts.has(h) && h.shadowRoot) fresh.push(h.shadowRoot);
      this.hosts = search.value;
      this.searchedAt = Date.now();
    }
    for (const root of fresh) this.found(root);
  }
}
