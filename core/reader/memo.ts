import { textSteps, type TextCandidates, type TextMemo } from './scan';

/**
 * What a page session's reads keep from one read to the next, so that a later read does not redo the
 * work for the parts of the page that did not change: each tree's text-pass candidates (the document's
 * and each open shadow root's; frames are walked every time) and the elements a whole-page query found
 * (the top bars a shop's name is read from).
 *
 * It learns what changed from its own MutationObserver (taking the pending records at the start of each
 * read, so a change made just before a read is never missed). A tree whose texts changed is walked again
 * only under the topmost changed nodes, and their candidates replace the old ones in place; any change it
 * cannot place that way (a node moved rather than added or removed, the body replaced, many changed
 * subtrees at once) makes it walk the whole tree again. The candidates are the same as a full walk's, in
 * the same order (test/unit/memo.test.ts compares them after every kind of change).
 */

/** More changed subtrees than this in one tree since its last pass: it is walked whole again. */
const MAX_DIRTY = 64;

interface Tree {
  /** Where the walk starts: the document's body or the shadow root. */
  start: Node;
  candidates: TextCandidates;
  /** Nodes under `start` whose texts or children changed since the last pass. */
  dirty: Node[];
  /** Its first whole walk finished (a read given up during it leaves it unfinished). */
  ready: boolean;
  /** Something changed that the in-place update cannot follow: walk the whole tree again. */
  whole: boolean;
  /** What each list of `candidates` holds (labels, dates, shops), to find a changed subtree's place in it. */
  members: [Set<Text>, Set<Text>, Set<Text>];
  /** Nodes removed from the page since the last pass: their texts leave the lists. */
  removed: Node[];
}

interface Query {
  root: ParentNode;
  selector: string;
  found: Element[];
}

export class PageMemo implements TextMemo {
  private readonly trees = new Map<Node, Tree>();
  private queries: Query[] = [];
  private readonly observed = new WeakSet<Node>();
  private readonly observer: MutationObserver;

  constructor(doc: Document) {
    const Observer = doc.defaultView?.MutationObserver ?? MutationObserver;
    this.observer = new Observer((records) => this.note(records));
  }

  /** Stops watching the page (the session ended or navigated in-page). */
  disconnect(): void {
    this.observer.disconnect();
    this.trees.clear();
    this.queries = [];
  }

  /**
   * The text pass's candidates under `start` (a document's body or a shadow root), as `textSteps` finds
   * them, walking again only what changed since the last time.
   */
  *texts(start: Node, step: number): Generator<void, TextCandidates> {
    this.sync();
    const root = start.getRootNode();
    let tree = this.trees.get(root);
    let dirty: Node[] = [];
    if (tree?.ready && tree.start === start && !tree.whole) {
      const unique = [...new Set(tree.dirty)];
      dirty = unique.length > 4 * MAX_DIRTY ? [start] : topmost(unique.filter((n) => n.isConnected && start.contains(n)));
    }
    if (!tree?.ready || tree.start !== start || tree.whole || dirty.length > MAX_DIRTY || dirty.includes(start)) {
      this.watch(root);
      // In the map while it is walked: changes made during the walk's pauses are noted against it.
      const c: TextCandidates = { labels: [], dates: [], shops: [] };
      tree = {
        start,
        candidates: c,
        dirty: [],
        ready: false,
        whole: false,
        members: [new Set(), new Set(), new Set()],
        removed: [],
      };
      this.trees.set(root, tree);
      yield* textSteps(start, step, c);
      tree.members = [new Set(c.labels), new Set(c.dates), new Set(c.shops)];
      tree.ready = true;
      return c;
    }
    const c = tree.candidates;
    const lists = [c.labels, c.dates, c.shops] as const;
    yield* dropRemoved(tree, lists);
    // Changes noted during this update's pauses come after these; a read given up half-way leaves the
    // subtrees it did not finish in the list, and walking one again is harmless.
    tree.dirty = [...dirty];
    for (let d = 0; d < dirty.length; d++) {
      // A pause between changed subtrees: each costs a search for its place in lists of thousands.
      if (d > 0) yield;
      const node = dirty[d]!;
      const fresh = yield* textSteps(node, step);
      const had = listedUnder(node, tree.members);
      [fresh.labels, fresh.dates, fresh.shops].forEach((texts, i) => {
        // A list with nothing under the subtree before or now stays as it is.
        if (texts.length || had[i]) replaceUnder(lists[i]!, tree.members[i]!, start, node, texts);
      });
    }
    tree.dirty.splice(0, dirty.length);
    return c;
  }

  /**
   * `root.querySelectorAll(selector)`, kept until an element that may match is added, a kept one leaves
   * the page, or an element's role changes.
   */
  query(root: ParentNode, selector: string): Element[] {
    this.sync();
    const kept = this.queries.find((q) => q.root === root && q.selector === selector);
    if (kept && kept.found.every((el) => el.isConnected)) return kept.found;
    this.watch(root as Node);
    const found = Array.from(root.querySelectorAll(selector));
    this.queries = this.queries.filter((q) => q !== kept);
    this.queries.push({ root, selector, found });
    return found;
  }

  private watch(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['role'],
    });
  }

  private sync(): void {
    const pending = this.observer.takeRecords();
    if (pending.length) this.note(pending);
  }

  private note(records: MutationRecord[]): void {
    for (const r of records) {
      if (r.type === 'attributes') {
        this.queries = [];
        continue;
      }
      const tree = this.trees.get(r.target.getRootNode());
      if (r.type === 'childList') {
        this.noteAdded(r.addedNodes);
        // A removed node back in the page was moved: the candidates' order cannot be patched in place.
        for (let k = 0; k < r.removedNodes.length; k++) {
          const gone = r.removedNodes[k]!;
          if (gone.isConnected) for (const t of this.trees.values()) t.whole = true;
          // Every tree looks: the removal's parent may have left the page since.
          else for (const t of this.trees.values()) t.removed.push(gone);
        }
      }
      if (tree && !tree.whole) tree.dirty.push(r.target);
    }
  }

  /** Kept queries are dropped when an added element matches their selector or holds one that does. */
  private noteAdded(added: NodeList): void {
    if (this.queries.length === 0) return;
    for (let k = 0; k < added.length; k++) {
      const node = added[k]!;
      if (node.nodeType !== 1) continue;
      const el = node as Element;
      this.queries = this.queries.filter((q) => !el.matches(q.selector) && !el.querySelector(q.selector));
    }
  }
}

/**
 * Takes the texts of the nodes removed since the last pass out of the tree's lists, pausing between the
 * lists (each is filtered whole, its members with it). Given up during a pause, the removed nodes stay
 * noted: a list already cleaned has nothing left to drop the next time.
 */
function* dropRemoved(tree: Tree, lists: readonly Text[][]): Generator<void, void> {
  const taken = tree.removed.length;
  if (taken === 0) return;
  const gone = new Set<Text>();
  for (let r = 0; r < taken; r++) {
    const n = tree.removed[r]!;
    if (n.isConnected) continue;
    if (n.nodeType === 3) gone.add(n as Text);
    const w = (n.ownerDocument ?? (n as Document)).createTreeWalker(n, 4 /* SHOW_TEXT */);
    for (let t = w.nextNode(); t; t = w.nextNode()) gone.add(t as Text);
  }
  for (let i = 0; i < lists.length; i++) {
    yield;
    const list = lists[i]!;
    const members = tree.members[i]!;
    let any = false;
    for (const t of gone) any = members.delete(t) || any;
    if (!any) continue;
    let w = 0;
    for (let k = 0; k < list.length; k++) if (!gone.has(list[k]!)) list[w++] = list[k]!;
    list.length = w;
  }
  tree.removed.splice(0, taken);
}

/** Which lists hold a text under `node` (itself included). */
function listedUnder(node: Node, members: Tree['members']): [boolean, boolean, boolean] {
  const had: [boolean, boolean, boolean] = [false, false, false];
  const check = (t: Node) => members.forEach((m, i) => (had[i] ||= m.has(t as Text)));
  if (node.nodeType === 3) check(node);
  const w = (node.ownerDocument ?? (node as Document)).createTreeWalker(node, 4 /* SHOW_TEXT */);
  for (let t = w.nextNode(); t; t = w.nextNode()) check(t);
  return had;
}

/** The nodes none of the others contains (each changed subtree once). */
function topmost(nodes: Node[]): Node[] {
  const unique = [...new Set(nodes)];
  return unique.filter((n) => !unique.some((o) => o !== n && o.contains(n)));
}

/** How far back from a changed subtree its place in a list is looked for among texts, before a search by position. */
const MAX_WALK_BACK = 2048;

/**
 * Replaces, in a list in document order, the texts under `node` with `fresh` (the texts now under it, in
 * document order). Its old texts, and any removed from under it, follow the last listed text before it.
 */
function replaceUnder(list: Text[], members: Set<Text>, start: Node, node: Node, fresh: readonly Text[]): void {
  const lo = placeOf(list, members, start, node);
  let end = lo;
  while (end < list.length && (!list[end]!.isConnected || node.contains(list[end]!))) members.delete(list[end++]!);
  if (end === lo && fresh.length === 0) return;
  for (const t of fresh) members.add(t);
  if (fresh.length <= 4096) {
    list.splice(lo, end - lo, ...fresh);
    return;
  }
  // Too many to pass as arguments: cut the list and put it back together.
  const tail = list.splice(lo).slice(end - lo);
  for (const t of fresh) list.push(t);
  for (const t of tail) list.push(t);
}

/** The index of the first text in `list` that does not come before `node` in document order. */
function placeOf(list: Text[], members: Set<Text>, start: Node, node: Node): number {
  // The nearest listed text before the node: a few steps back where the list is dense (a position
  // comparison walks sibling lists, slow under a parent of thousands of children).
  let prev: Node | null = node;
  for (let k = 0; k < MAX_WALK_BACK; k++) {
    prev = textBefore(prev, start);
    if (!prev) return 0;
    if (members.has(prev as Text)) return list.indexOf(prev as Text) + 1;
  }
  // A sparse list (dates, shops): texts gone from the page out, then a search by position.
  let w = 0;
  for (let k = 0; k < list.length; k++) {
    const t = list[k]!;
    if (t.isConnected) list[w++] = t;
    else members.delete(t);
  }
  list.length = w;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (node.compareDocumentPosition(list[mid]!) & 2 /* DOCUMENT_POSITION_PRECEDING */) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The text before `node` in document order under `start` (not one under `node`), or null. */
function textBefore(node: Node, start: Node): Text | null {
  let cur = node;
  for (;;) {
    if (cur === start) return null;
    const sibling: Node | null = cur.previousSibling;
    if (sibling) {
      cur = sibling;
      while (cur.lastChild) cur = cur.lastChild;
    } else {
      const parent = cur.parentNode;
      if (!parent || parent === start) return null;
      cur = parent;
    }
    if (cur.nodeType === 3) return cur as Text;
  }
}
