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
