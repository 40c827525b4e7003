/**
 * DOM traversal shared by every reader: one pass over the text the operator can see, entering open
 * shadow roots and same-origin frames, skipping subtrees that never hold a metric (scripts, styles,
 * charts, form controls, our own badges).
 */

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
 * Calls `visit` for every non-blank text node under `root`, in document order, descending into
 * open shadow roots (after the host's light children, as they render) and same-origin iframes.
 */
export function walkText(root: Node, visit: (text: Text) => void, options: WalkOptions = {}): void {
  const doc = root.ownerDocument ?? (root as Document);
  if (root.nodeType === 9 || root.nodeType === 11) options.onRoot?.(root as Document | ShadowRoot);
  const walker = doc.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  let node: Node | null = walker.nextNode();
  while (node) {
    if (node.nodeType === 3) {
      visit(node as Text);
      node = walker.nextNode();
      continue;
    }
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName)) {
      if (el.tagName === 'IFRAME' || el.tagName === 'FRAME') enterFrame(el as HTMLIFrameElement, visit, options);
      node = nextOutside(walker);
      continue;
    }
    const shadow = (el as HTMLElement).shadowRoot;
    if (shadow) walkText(shadow, visit, options);
    node = walker.nextNode();
  }
}

function enterFrame(frame: HTMLIFrameElement, visit: (text: Text) => void, options: WalkOptions): void {
  let inner: Document | null = null;
  try {
    // Cross-origin frames throw or return null here; those belong to another site and are skipped.
    inner = frame.contentDocument;
  } catch {
    inner = null;
  }
  if (inner?.body) walkText(inner, visit, options);
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

/** Whether an element is shown to the operator: rendered, not hidden by CSS, not a tooltip or aria-hidden. */
export function isShown(el: Element): boolean {
  if (el.closest('[aria-hidden="true"],[role="tooltip"],[hidden]')) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    if (!check.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return false;
    return !isClippedAway(el);
  }
  // Engines without checkVisibility (test DOMs): walk the computed styles up to the root.
  const view = el.ownerDocument.defaultView;
  if (!view) return true;
  for (let cur: Element | null = el; cur; cur = parentElementAcrossShadow(cur)) {
    const style = view.getComputedStyle(cur);
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
  }
  return true;
}

/** Screen-reader-only copies are clipped to a pixel; the operator does not see them as a number. */
function isClippedAway(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width > 1 || rect.height > 1) return false;
  return el.ownerDocument.defaultView?.getComputedStyle(el).position === 'absolute';
}

export function parentElementAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  if (root && root.nodeType === 11) return (root as ShadowRoot).host ?? null;
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
    const crossesShadow = cur.parentElement === null;
    parts.unshift(`${tag}:nth-of-type(${index})${crossesShadow ? ' ⟨shadow⟩' : ''}`);
    cur = parent;
  }
  return parts.join(' > ');
}

/** An element's text including what its open shadow roots render (web components put text there). */
export function deepText(el: Element): string {
  let hasShadow = !!el.shadowRoot;
  if (!hasShadow) {
    const all = el.getElementsByTagName('*');
    for (let i = 0; i < all.length && !hasShadow; i++) hasShadow = !!all[i]!.shadowRoot;
  }
  if (!hasShadow) return el.textContent ?? '';
  let out = '';
  walkText(el.shadowRoot && el.childElementCount === 0 ? el.shadowRoot : el, (t) => {
    out += t.data;
  });
  return out;
}
