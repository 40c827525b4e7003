import type { Locale } from '../i18n';
import type { BadgeTranslate } from '../strings/badge';
import { isRefusal, type WordedEvaluation, type PaceBadge, type PageReport, type PageStatus } from '../messages';
import type { PaceText } from '../pace-text';
import type { Found } from '../reader/recognise';
import type { PageRead, SiteAdapter } from '../sites';
import { valueKey } from '../keys';
import { PageMemo } from '../reader/memo';
import { runToEnd } from '../reader/scan';
import type { BadgeKit, Wanted } from './badge';
import { BADGE_TAG } from './badge-tag';
import { RootWatch } from './discovery';
import { runInSlices, SLICE_MS, yieldToPage } from './slices';

/**
 * One page's reading loop. Reads after the page settles and again whenever it changes; a value is
 * reported only once two reads a moment apart agree (count-up animations and half-rendered cards are
 * never stored); badges follow the background's judgement of exactly the value on screen.
 *
 * DOM work is budgeted: the MutationObserver callback only schedules, reads are debounced with a
 * ceiling, and every read — after a change, to settle, to retry — waits until it fits the session's
 * share of the main thread (READ_SHARE of any READ_WINDOW_MS), so a page that never stops changing or
 * takes long to read is read less often instead of being slowed down.
 *
 * A read is cut into slices of SLICE_MS: the search for shadow hosts, the pass over the page's text, the
 * recogniser's work per label candidate and per label, the period's dates and inputs, and the shop's name
 * pause and give the page the main thread, so no read makes a long task on a big page or a slow machine;
 * tracking and placing badges, and the report, each get a slice of their own when the one before is half
 * spent. A read during whose pauses the page changed is given up and begun
 * again: the candidates it collected and the numbers then read from them are of one state of the page.
 * A page that changes under SLICED_ATTEMPTS reads in a row is read in one go, so that it is still read.
 *
 * The second read that settles a value comes as soon as the page has held still for SETTLE_FAST_MS
 * since the session began watching it or since its last change (so on a still page the first read's
 * own time counts), when nothing on the page changed since the first read; after SETTLE_MS of quiet
 * when something did (a count-up animation moves the page every frame).
 */

export interface SessionDeps {
  adapter: SiteAdapter;
  window: Window & typeof globalThis;
  signal: AbortSignal;
  locale: Locale;
  t: BadgeTranslate;
  report(report: PageReport): Promise<{ evaluations: WordedEvaluation[]; pace?: PaceBadge }>;
  /** Tells the background how reading went (found nothing, or numbers it could not read). */
  status?(status: PageStatus): Promise<unknown>;
  dismiss(alertId: string): Promise<void>;
  /** The badges' code, loaded the first time the page has a badge to show (core/content/badge-kit.ts). */
  badges(): Promise<BadgeKit>;
  /** For tests: what "now" is. */
  now?: () => Date;
  /** For tests: a monotonic clock in milliseconds (what a read costs is measured with it). */
  clock?: () => number;
}

/** Two reads this far apart, with the page quiet for QUIET_MS, must agree before a value counts as settled. */
export const SETTLE_MS = 350;
/**
 * The page held still this long as far as the session saw (no change since it began watching, or since
 * the page's last change), two reads at least SETTLE_GAP_MS apart within that quiet agree, and nothing
 * changed between them: the value is settled. The quiet counts from when the session began watching, so
 * the time the first read took on a page that held still is part of it. Shorter than the step of any
 * count-up the session guards against (they step every 16–110 ms): an animation breaks the quiet, and
 * its values wait for SETTLE_MS with QUIET_MS of quiet after its end.
 */
export const SETTLE_FAST_MS = 150;
const SETTLE_GAP_MS = 50;
/** Sliced reads given up because the page changed during their pauses, before the page is read in one go. */
const SLICED_ATTEMPTS = 3;
const QUIET_MS = 300;
const MAX_WAIT_MS = 2000;
const MAX_RETRY_MS = 60_000;
/** A value that held still this long counts as settled even on a page that never stops changing. */
const STEADY_MS = 3000;
/** Reading (and placing badges) takes at most this share of the main thread over any READ_WINDOW_MS. */
export const READ_SHARE = 0.05;
export const READ_WINDOW_MS = 10_000;

interface Tracked {
  value: number;
  since: number;
  settled: boolean;
}

interface Flag {
  evaluation: WordedEvaluation;
  value: number;
}

export class PageSession {
  private readonly deps: SessionDeps;
  private readonly doc: Document;
  private readonly observer: MutationObserver;
  private readonly observed = new WeakSet<Node>();
  private readonly tracked = new Map<string, Tracked>();
  private readonly flags = new Map<string, Flag>();
  private readonly dismissed = new Set<string>();
  /** The badges' code once loaded (`kitAsked` while it is on its way), and the badges it placed. */
  private kit: BadgeKit | undefined;
  private board: ReturnType<BadgeKit['board']> | undefined;
  private kitAsked = false;
  /** Loads of the badges' code that failed so far. */
  private kitFailures = 0;
  /** Today's pace beside the real-time sales number it was computed from (that number's key and value). */
  private pace: { key: string; value: number; text: PaceText } | undefined;
  private readonly hosts: RootWatch;
  /** What reads keep of the page between them (candidates of unchanged subtrees, the top bars); new on navigation. */
  private memo: PageMemo;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstDirtyAt = 0;
  private lastMutationAt = 0;
  /** When the session began watching the page (start, or an in-page navigation). */
  private watchingSince = 0;
  private lastSentSignature = '';
  private lastStatus = '';
  private sending = false;
  /** A read is under way (between its slices); another asked for meanwhile runs after it. */
  private reading = false;
  private readAgain = false;
  /** Badge placements begun so far: one in slices stops when a newer one begins. */
  private placements = 0;
  /** In-page navigations so far: a read or a report begun before one belongs to the page before it. */
  private generation = 0;
  /** Changes the page made (not ours): a sliced pass whose pauses saw one is given up. */
  private pageChanges = 0;
  private retryMs = 1000;
  private readCost = 0;
  /** Reads within the last READ_WINDOW_MS: when each started and what it cost. */
  private readonly spent: Array<{ at: number; cost: number }> = [];
  /** When the page showed what it shows: relative period labels (昨天, Last 7 days) count from here. */
  private shownAt: Date | undefined;
  /** Reads done so far (for tests and diagnostics). */
  reads = 0;
  lastRead: PageRead | null = null;

  constructor(deps: SessionDeps) {
    this.deps = deps;
    this.doc = deps.window.document;
    this.memo = new PageMemo(this.doc);
    // A root or frame that appeared without a mutation here: watch it and read it soon.
    this.hosts = new RootWatch(
      this.doc,
      (root) => {
        this.observe(root);
        this.schedule(QUIET_MS);
      },
      deps.signal,
    );
    this.observer = new deps.window.MutationObserver((records) => this.onMutations(records));
    deps.signal.addEventListener('abort', () => this.stop(), { once: true });
    deps.window.addEventListener('resize', () => this.board?.position(), { signal: deps.signal, passive: true });
  }

  start(): void {
    this.watchingSince = Date.now();
    this.shownAt = this.deps.now?.() ?? new Date();
    this.observe(this.doc);
    this.schedule(0);
  }

  /** In-page navigation: forget what this page showed and read afresh. */
  reset(): void {
    this.generation++;
    this.placements++;
    this.board?.clear();
    this.flags.clear();
    this.pace = undefined;
    this.tracked.clear();
    this.lastSentSignature = '';
    this.lastStatus = '';
    this.hosts.forget();
    this.memo.disconnect();
    this.memo = new PageMemo(this.doc);
    this.watchingSince = Date.now();
    this.shownAt = this.deps.now?.() ?? new Date();
    this.schedule(QUIET_MS);
  }

  /** An alert was dismissed here or elsewhere: take its badge down. */
  onDismissed(alertId: string): void {
    this.dismissed.add(alertId);
    this.renderBadges(this.lastRead?.found ?? []);
  }

  stop(): void {
    this.observer.disconnect();
    this.memo.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.board?.clear();
  }

  private observe(root: Document | ShadowRoot): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]): void {
    if (records.every((r) => isOurs(r))) return;
    this.pageChanges++;
    this.hosts.noteAdded(records);
    this.lastMutationAt = Date.now();
    if (!this.firstDirtyAt) this.firstDirtyAt = Date.now();
    const waited = Date.now() - this.firstDirtyAt;
    this.schedule(Math.max(0, Math.min(QUIET_MS, MAX_WAIT_MS - waited)));
  }

  private clock(): number {
    return this.deps.clock?.() ?? performance.now();
  }

  /**
   * How long from now until a read costing what the last one did fits the budget: the reads still in
   * the window plus this one stay within READ_SHARE of it, and a read is never closer to the previous
   * one than that read's cost over READ_SHARE (a read too long for any window is simply spaced out) —
   * except the read that settles values of a page that held still since the last (`settling`): it only
   * has to fit the window, so a still page's first badge does not wait out the first read's spacing.
   */
  private budgetWait(now: number, settling = false): number {
    while (this.spent.length > 0 && this.spent[0]!.at + READ_WINDOW_MS <= now) this.spent.shift();
    const budget = READ_SHARE * READ_WINDOW_MS;
    let used = this.spent.reduce((sum, r) => sum + r.cost, 0);
    let wait = 0;
    for (const r of this.spent) {
      if (used + this.readCost <= budget) break;
      used -= r.cost;
      wait = r.at + READ_WINDOW_MS - now;
    }
    const last = this.spent.at(-1);
    if (last && !settling) wait = Math.max(wait, last.at + last.cost / READ_SHARE - now);
    return Math.max(0, Math.ceil(wait));
  }

  private schedule(delay: number, settling = false): void {
    if (this.deps.signal.aborted) return;
    if (this.timer) clearTimeout(this.timer);
    delay = Math.max(delay, this.budgetWait(this.clock(), settling));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.firstDirtyAt = 0;
      this.read();
    }, delay);
  }

  private read(): void {
    if (this.deps.signal.aborted) return;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    void this.readInSlices().finally(() => {
      this.reading = false;
      if (this.readAgain) {
        this.readAgain = false;
        this.schedule(0);
      }
    });
  }

  /**
   * One read cut into slices — the search for shadow hosts, the text pass, matching labels and finding
   * each one's number; its time on the main thread (not its pauses) counts against the budget.
   */
  private async readInSlices(): Promise<void> {
    const started = this.clock();
    let cost = 0;
    let from = started;
    try {
      let result: PageRead | undefined;
      for (let attempt = 0; attempt < SLICED_ATTEMPTS && !result; attempt++) {
        const changes = this.pageChanges;
        const generation = this.generation;
        cost += this.clock() - from;
        const sliced = await runInSlices(this.readSteps(), {
          clock: () => this.clock(),
          pause: () => yieldToPage(this.deps.window),
          changed: () => this.pageChanges !== changes,
          stopped: () => this.deps.signal.aborted,
        });
        cost += sliced.cost;
        from = this.clock();
        if (this.deps.signal.aborted) return;
        if (!sliced.done) continue;
        if (sliced.slice > SLICE_MS / 2) {
          // Tracking, reporting and placing badges get a slice of their own when the read's last one is
          // half spent; a change or an in-page navigation during this pause gives the read up like one
          // during its own pauses.
          cost += this.clock() - from;
          await yieldToPage(this.deps.window);
          from = this.clock();
          if (this.deps.signal.aborted) return;
          if (this.pageChanges !== changes || this.generation !== generation) continue;
        }
        result = sliced.value;
      }
      // After SLICED_ATTEMPTS given up, the page is read in one go.
      this.afterRead(result ?? runToEnd(this.readSteps()));
    } catch (error) {
      // A page we cannot read must never break: log once per read and try again on the next change.
      console.warn('[StorePulse] could not read this page:', error);
    } finally {
      // Whatever the read did (or threw), its time on the main thread counts against the budget.
      this.readCost = cost + this.clock() - from;
      this.spent.push({ at: started, cost: this.readCost });
    }
  }

  private *readSteps(): Generator<void, PageRead> {
    const hosts = yield* this.hosts.currentSteps(Date.now());
    return yield* this.deps.adapter.readSteps(this.doc, {
      url: new URL(this.deps.window.location.href),
      now: this.deps.now?.() ?? new Date(),
      ...(this.shownAt ? { shownAt: this.shownAt } : {}),
      onRoot: (root) => this.observe(root),
      hosts,
      memo: this.memo,
    });
  }

  private afterRead(result: PageRead): void {
    const began = this.clock();
    this.reads++;
    this.lastRead = result;

    const t = Date.now();
    const quiet = t - this.lastMutationAt >= QUIET_MS;
    /** When the next read could settle the soonest of the values not settled yet, and whether the page held still for it. */
    let next = Infinity;
    let still = false;
    const seen = new Set<string>();
    for (const f of result.found) {
      const key = keyOf(f);
      seen.add(key);
      let tracked = this.tracked.get(key);
      if (tracked && tracked.value === f.observed.value) {
        const held = t - tracked.since;
        const still = this.stillSince(tracked) && held >= SETTLE_GAP_MS && t - this.quietSince() >= SETTLE_FAST_MS;
        if (!tracked.settled && (still || (quiet && held >= SETTLE_MS) || held >= STEADY_MS)) tracked.settled = true;
      } else {
        tracked = { value: f.observed.value, since: t, settled: false };
        this.tracked.set(key, tracked);
      }
      if (!tracked.settled) {
        const fast = this.stillSince(tracked);
        const ready = fast
          ? Math.max(tracked.since + SETTLE_GAP_MS, this.quietSince() + SETTLE_FAST_MS)
          : Math.max(tracked.since + SETTLE_MS, this.lastMutationAt + QUIET_MS);
        if (ready < next) [next, still] = [ready, fast];
      }
    }
    for (const key of [...this.tracked.keys()]) if (!seen.has(key)) this.tracked.delete(key);

    this.renderBadges(result.found);
    this.sendStatus(result);
    if (next < Infinity) this.schedule(Math.max(0, next - t), still);
    // The report (its signature over every value) in a slice of its own when this one is half spent.
    const generation = this.generation;
    if (this.clock() - began > SLICE_MS / 2)
      void yieldToPage(this.deps.window).then(() => {
        if (!this.deps.signal.aborted && this.generation === generation) void this.send(result);
      });
    else void this.send(result);
  }

  /** Nothing on the page changed since this value was first read: no animation is moving it. */
  private stillSince(tracked: Tracked): boolean {
    return this.lastMutationAt < tracked.since;
  }

  /** Since when the page has held still as far as the session saw: its last change, or when the session began watching it. */
  private quietSince(): number {
    return Math.max(this.watchingSince, this.lastMutationAt);
  }

  private async send(result: PageRead): Promise<void> {
    const settled = result.found.filter((f) => this.tracked.get(keyOf(f))?.settled);
    if (settled.length === 0 || this.sending) return;
    const report: PageReport = {
      site: result.site,
      store: result.store,
      period: result.period,
      observed: settled.map((f) => f.observed),
    };
    const signature = JSON.stringify([
      report.store,
      report.period,
      report.observed.map((o) => [keyOf({ observed: o }), o.value]),
    ]);
    if (signature === this.lastSentSignature) return;
    this.sending = true;
    try {
      const reply = await this.deps.report(report);
      this.lastSentSignature = signature;
      this.retryMs = 1000;
      for (const f of settled) this.flags.delete(keyOf(f));
      const paced = reply.pace && settled[reply.pace.index];
      this.pace = paced ? { key: keyOf(paced), value: paced.observed.value, text: reply.pace!.text } : undefined;
      for (const e of reply.evaluations) {
        const f = settled[e.index];
        if (f) this.flags.set(keyOf(f), { evaluation: e, value: f.observed.value });
        if (e.dismissed) this.dismissed.add(e.alertId);
        else this.dismissed.delete(e.alertId);
      }
      this.renderBadges(this.lastRead?.found ?? result.found);
    } catch (error) {
      console.warn('[StorePulse] readings not saved:', error);
      // The background refused this report as it is: the same report again cannot pass (the popup
      // says so), and a changed page makes a new report.
      if (isRefusal(error, 'report')) {
        this.lastSentSignature = signature;
        return;
      }
      // The background may be restarting or the disk full: keep the readings and try again later.
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    } finally {
      this.sending = false;
    }
    // The page may have moved on while we were waiting for the background.
    if (this.retryMs === 1000 && this.lastRead && this.lastRead !== result) void this.send(this.lastRead);
  }

  private sendStatus(result: PageRead): void {
    const status: PageStatus = {
      site: result.site,
      store: result.store,
      found: result.found.length,
      unreadable: result.unreadable?.length ?? 0,
      own: [...new Set(result.found.filter((f) => !f.observed.breakdown && !f.observed.peer).map((f) => f.observed.metric))],
      ...(result.unsettled?.length ? { unsettled: result.unsettled } : {}),
    };
    const signature = JSON.stringify(status);
    if (signature === this.lastStatus || !this.deps.status) return;
    this.lastStatus = signature;
    this.deps.status(status).catch(() => {
      this.lastStatus = ''; // say it again on the next read
    });
  }

  /**
   * Places the badges of `found` and the notes of the last read's unreadable numbers, in slices: each
   * badge's placing measures the page's layout, and a page with many bad numbers would otherwise place
   * them all in one task. A placement begun later (a newer read, the background's answer, a dismissal)
   * stops this one; its time counts against the read budget like the read's. Placing badges never stops
   * the read from being reported (a page may hold odd elements).
   */
  private renderBadges(found: readonly Found[]): void {
    const placement = ++this.placements;
    const unreadable = this.lastRead?.unreadable ?? [];
    runInSlices(this.placeSteps(found, unreadable), {
      clock: () => this.clock(),
      pause: () => yieldToPage(this.deps.window),
      changed: () => false,
      stopped: () => this.deps.signal.aborted || this.placements !== placement,
    }).then(
      (placed) => {
        const last = this.spent.at(-1);
        if (last) last.cost += placed.cost;
      },
      (error: unknown) => console.warn('[StorePulse] could not place the warnings on this page:', error),
    );
  }

  /**
   * The alerts' badges on their numbers, today's pace beside the real-time sales number it was computed from
   * (a number carries one badge, so an alert on it wins over the pace), then a note beside each number that
   * could not be read as shown, so the operator knows why it is missing. The board pauses after each badge.
   */
  private *placeSteps(found: readonly Found[], unreadable: readonly Element[]): Generator<void, void> {
    const wanted: Wanted[] = [];
    const { t, locale } = this.deps;
    for (const f of found) {
      const key = keyOf(f);
      const flag = this.flags.get(key);
      if (!flag || flag.value !== f.observed.value || this.dismissed.has(flag.evaluation.alertId)) continue;
      const { evaluation } = flag;
      wanted.push({
        key,
        element: f.element,
        content: (kit) => kit.alert(f.observed, evaluation, t, locale),
        alertId: evaluation.alertId,
      });
    }
    const pace = this.pace;
    const paced =
      pace &&
      !wanted.some((w) => w.key === pace.key) &&
      found.find((x) => keyOf(x) === pace.key && x.observed.value === pace.value);
    if (paced) wanted.push({ key: `pace|${pace.key}`, element: paced.element, content: (kit) => kit.pace(pace.text, t, locale) });
    yield* this.show('badges', wanted);
    yield* this.show(
      'notes',
      unreadable.map((element) => ({ key: element, element, content: (kit) => kit.unreadable(t, locale) })),
    );
  }

  /** Places a group of badges once the badges' code is here; asks for it when there is one to show. */
  private *show(group: string, wanted: readonly Wanted[]): Generator<void, void> {
    if (wanted.length > 0) this.badgeKit();
    if (this.kit) yield* (this.board ??= this.kit.board(this.doc, (id) => void this.dismissFromBadge(id))).show(group, wanted);
  }

  private async dismissFromBadge(alertId: string): Promise<void> {
    this.onDismissed(alertId);
    try {
      await this.deps.dismiss(alertId);
    } catch (error) {
      console.warn('[StorePulse] dismissal not saved:', error);
    }
  }

  /**
   * The badges' code, or undefined while it is not here: the first call asks for it, and what the last
   * read found is placed once it comes. A load that failed is asked for again at the next placing.
   */
  private badgeKit(): BadgeKit | undefined {
    if (this.kit || this.kitAsked) return this.kit;
    this.kitAsked = true;
    this.deps.badges().then(
      (kit) => {
        this.kit = kit;
        const read = this.lastRead;
        if (!read || this.deps.signal.aborted) return;
        this.renderBadges(read.found);
      },
      (error: unknown) => {
        this.kitAsked = false;
        console.warn('[StorePulse] could not load the warnings:', error);
        // A page that holds still places nothing again: what the last read found is placed again in a moment
        // (a worker stopped mid-answer is back by then), at most KIT_TRIES times.
        if (++this.kitFailures >= KIT_TRIES) return;
        setTimeout(
          () => {
            const read = this.lastRead;
            if (read && !this.deps.signal.aborted && !this.kit) this.renderBadges(read.found);
          },
          1000 * 2 ** (this.kitFailures - 1),
        );
      },
    );
    return undefined;
  }
}

/** Loads of the badges' code a page with badges to show makes before it waits for a new placing. */
const KIT_TRIES = 4;

/** Each value's key, made once per read (a read of a dense page asks for 400 values' keys several times). */
const keys = new WeakMap<Found['observed'], string>();

function keyOf(f: { observed: Found['observed'] }): string {
  const o = f.observed;
  let key = keys.get(o);
  if (key === undefined) keys.set(o, (key = valueKey(o)));
  return key;
}

/** Our own badge insertions and their shadow content are not page changes. */
function isOurs(record: MutationRecord): boolean {
  const target = record.target as Element;
  if (target.nodeType === 1 && (target.tagName === 'STOREPULSE-BADGE' || target.closest?.(BADGE_TAG))) return true;
  const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
  return nodes.length > 0 && nodes.every((n) => n.nodeName === 'STOREPULSE-BADGE');
}
