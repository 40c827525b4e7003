import { render } from 'preact';
import { afterEach, beforeEach, vi } from 'vitest';

/**
 * StorePulse's overlays use closed shadow roots and act only on trusted events. happy-dom has no
 * `isTrusted`; `trusted()` marks an event as the browser marks the operator's own input, and
 * `closedRoots()` keeps the roots the code under test attaches, as DevTools would show them.
 */

export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A click the operator made (trusted), or one a page script dispatched (not). */
export const click = (el: Element, byOperator = true): boolean => {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  return el.dispatchEvent(byOperator ? trusted(event) : event);
};

/** Call at the top of a test file: every shadow root attached during a test, by host. */
export function closedRoots(): Map<Element, ShadowRoot> {
  const roots = new Map<Element, ShadowRoot>();
  const attach = HTMLElement.prototype.attachShadow;
  beforeEach(() => {
    roots.clear();
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init) {
      const root = attach.call(this, init);
      roots.set(this, root);
      return root;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return roots;
}

/** Call at the top of a test file: an element in the document, fresh for each test, to render into. */
export function renderRoot(): () => HTMLElement {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return () => root;
}
