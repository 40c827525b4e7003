import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach } from 'vitest';

beforeEach(() => {
  fakeBrowser.reset();
});

// COMPAT(happy-dom): no `assignedSlot`. The slot a host's child shows in: the first slot of the host's
// root whose assigned nodes include it.
if (!('assignedSlot' in Node.prototype)) {
  Object.defineProperty(Node.prototype, 'assignedSlot', {
    get(this: Node): HTMLSlotElement | null {
      const slots = this.parentElement?.shadowRoot?.querySelectorAll('slot') ?? [];
      return Array.from(slots).find((s) => s.assignedNodes().includes(this as ChildNode)) ?? null;
    },
  });
}

// COMPAT(happy-dom): checkVisibility knows nothing of slots. A browser gives no box to a host's light
// child that no slot takes, nor to a slot's fallback while nodes are assigned to it.
const checkVisibility = Element.prototype.checkVisibility;
Element.prototype.checkVisibility = function (this: Element, options?: CheckVisibilityOptions): boolean {
  for (let cur: Element | null = this; cur;) {
    const parent: Element | null = cur.parentElement;
    if (parent?.shadowRoot && !cur.assignedSlot) return false;
    if (
      parent?.localName === 'slot' &&
      parent.getRootNode() instanceof ShadowRoot &&
      (parent as HTMLSlotElement).assignedNodes().length
    )
      return false;
    cur = cur.assignedSlot ?? parent ?? (cur.parentNode as ShadowRoot | null)?.host ?? null;
  }
  return checkVisibility.call(this, options);
};
