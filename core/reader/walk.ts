/**
 * DOM traversal shared by every reader: one pass over the text the operator can see, in the composed
 * (rendered) tree: a shadow host shows its open shadow root, a slot shows the nodes assigned to it (or
 * its own fallback content when none are), and a host's light child that no slot takes is not shown.
 * Same-origin frames are entered; subtrees that never hold a metric (scripts, styles, charts, form
 * controls, our own badges) are skipped.
 */

/**
 * How many shadow roots, slots and frames a walk or a climb crosses at most. Pages nest a few
 * components deep; a page nesting thousands is read down to this depth, never to a stack overflow.
 */
export const MAX_NESTING = 32;
/** How many ancestors a climb towards the root looks at before it gives up (a pathological page). */
const MAX_ANCESTORS = 4096;

/** Subtrees that never carry a metric the operator reads as a number on the page. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG', // charts: axis ticks and legends are decoys, not readings
  'svg',
  'CANVAS',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'IFRAME', // frames are entered through contentDocument below, not as children
  'FRAME',
  'HEAD',
  'STOREPULSE-BADGE',
]);

export interface WalkOptions {
  /** Called for each root entered (the document, shadow roots, frame documents), e.g. to observe it. */
  onRoot?: (root: Document | ShadowRoot) => void;
}

/**
 * Calls `visit` for every non-blank text node under `root` in the order the page renders them: a
 * host's shadow tree instead of its light children, slotted nodes where their slot is, and the
 * documents of same-origin frames.
 */
export function walkText(root: Node, visit: (text: Text) => void, options: WalkOptions = {}, depth = 0): void {
  if (depth > MAX_NESTING) return;
  if (root.nodeType === 9 || root.nodeType === 11) options.onRoot?.(root as Document | ShadowRoot);
  else if (root.nodeType === 1 && enter(root as Element, visit, options, depth)) return;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      visit(node as Text);
      node = walker.nextNode();
    } else if (enter(node as Element, visit, options, depth)) {
      node = nextOutside(walker);
    } else {
      node = walker.nextNode();
    }
  }
}

/**
 * Walks what an element renders in place of its children, if that differs from them: nothing (a
 * skipped tag), its shadow root, a frame's document, or a slot's assigned nodes. True when handled.
 */
function enter(el: Element, visit: (text: Text) => void, options: WalkOptions, depth: number): boolean {
  if (SKIP_TAGS.has(el.tagName)) {
    if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') {
      const inner = frameDocument(el);
      if (inner?.body) walkText(inner, visit, options, depth + 1);
    }
    return true;
  }
  const shadow = el.shadowRoot;
  if (shadow) {
    walkText(shadow, visit, options, depth + 1);
    return true;
  }
  if (el.localName !== 'slot') return false;
  const assigned = assignedTo(el);
  if (!assigned) return false; // nothing assigned: the slot's fallback children render
  for (const n of assigned) {
    if (n.nodeType === 3) visit(n as Text);
    else if (n.nodeType === 1) walkText(n, visit, options, depth + 1);
  }
  return true;
}

/** The nodes a slot of a shadow tree shows, through nested slots; null when it shows its own children. */
function assignedTo(slot: Element): Node[] | null {
  if (slot.getRootNode().nodeType !== 11) return null;
  const nodes = (slot as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
  return nodes.length > 0 && nodes[0]!.parentNode !== slot ? nodes : null;
}

/** A same-origin frame's document; cross-origin frames throw or give null: they belong to another site. */
export function frameDocument(frame: Element): Document | null {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/** Moves the walker past the current node's subtree. */
function nextOutside(walker: TreeWalker): Node | null {
  const start = walker.currentNode;
  let next = walker.nextSibling();
  while (!next) {
    const parent = walker.parentNode();
    if (!parent) {
      walker.currentNode = start;
      return null;
    }
    next = walker.nextSibling();
  }
  return next;
}

const HIDDEN = '[aria-hidden="true"],[role="tooltip"],[hidden]';

/**
 * Whether an element is shown to the operator: rendered (a host's light child only through a slot,
 * a slot's fallback only when nothing is assigned), not hidden by CSS, not inside a tooltip or an
 * aria-hidden or hidden element — in any shadow tree around it.
 */
export function isShown(el: Element): boolean {
  for (let cur: Element | null = el, n = 0; cur; cur = parentElementAcrossShadow(cur), n++) {
    if (n > MAX_ANCESTORS || cur.matches(HIDDEN) || !isPlaced(cur)) return false;
  }
  // Every engine we run in (Chrome, Firefox ≥ 106, the test DOM) has checkVisibility.
  if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
  return !isClippedAway(el);
}

/** Whether a node takes part in rendering where it sits: slotted if its parent is a host, not a slot's unused fallback. */
export function isPlaced(node: Node): boolean {
  const parent = node.parentElement;
  if (!parent) return true;
  if (parent.shadowRoot) return !!slotOf(node);
  return parent.localName !== 'slot' || !assignedTo(parent);
}

/** The slot a host's child is shown in, or null when no slot takes it. */
const slotOf = (node: Node): Element | null => (node as Element).assignedSlot;

/** Screen-reader-only copies are clipped to a pixel; the operator does not see them as a number. */
function isClippedAway(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width > 1 || rect.height > 1) return false;
  return el.ownerDocument.defaultView?.getComputedStyle(el).position === 'absolute';
}

/**
 * An element's parent in the composed tree: the slot it is shown in, its parent, or the host of the
 * shadow root it sits at the top of.
 */
export function parentElementAcrossShadow(el: Node): Element | null {
  const parent = el.parentElement;
  if (parent) return parent.shadowRoot ? (slotOf(el) ?? parent) : parent;
  const root = el.parentNode;
  if (root && root.nodeType === 11) return (root as ShadowRoot).host ?? null;
  return null;
}

/** `closest` across shadow boundaries and slots: the nearest composed ancestor (or `el`) matching `selector`. */
export function closestAcross(el: Element, selector: string): Element | null {
  for (let cur: Element | null = el, n = 0; cur && n <= MAX_ANCESTORS; cur = parentElementAcrossShadow(cur), n++) {
    if (cur.matches(selector)) return cur;
  }
  return null;
}

/** A short structural path for "where did this number come from?" — tag names and sibling indices only. */
export function locatorOf(el: Element, depth = 6): string {
  const parts: string[] = [];
  let cur: Element | null = el;
  for (let i = 0; cur && i < depth; i++) {
    const parent: Element | null = parentElementAcrossShadow(cur);
    const tag = cur.tagName.toLowerCase();
    if (!parent) {
      parts.unshift(tag);
      break;
    }
    let index = 1;
    for (let sib = cur.previousElementSibling; sib; sib = sib.previousElementSibling) {
      if (sib.tagName === cur.tagName) index++;
    }
    const crossesShadow = cur.parentElement !== parent;
    parts.unshift(`${tag}:nth-of-type(${index})${crossesShadow ? ' ⟨shadow⟩' : ''}`);
    cur = parent;
  }
  return parts.join(' > ');
}

/** An element's text as rendered: what its open shadow roots and slots show (web components put text there). */
export function deepText(el: Element): string {
  let plain = !el.shadowRoot && el.localName !== 'slot';
  const all = el.getElementsByTagName('*');
  for (let i = 0; i < all.length && plain; i++) plain = !all[i]!.shadowRoot && all[i]!.localName !== 'slot';
  if (plain) return el.textContent ?? '';
  let out = '';
  walkText(el, (t) => {
    out += t.data;
  });
  return out;
}
