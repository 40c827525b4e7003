import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { PopupProps } from '@/components/Popup';
import type { Locale } from '@/core/i18n';
import type { PopupState } from '@/core/messages';
import type { ReviewState } from '@/core/review/types';
import { sampleTrend, TODAY } from '@/test/fixtures/review/sample';

/** The popup's morning clock in the samples. */
export const POPUP_NOW = Date.parse(`${TODAY}T09:30:00+08:00`);

/** The popup's props answering from a review and a popup state, every action a spy. */
export function popupProps(review: ReviewState, state: PopupState, overrides: Partial<PopupProps> = {}) {
  return {
    locale: 'en' as Locale,
    load: vi.fn(async () => state),
    dismiss: vi.fn(async () => ({ ok: true })),
    loadReview: vi.fn(async () => review),
    loadTrend: vi.fn(async (req) => sampleTrend(req)),
    setTarget: vi.fn(async () => ({ ok: true })),
    alertAction: vi.fn(async () => ({ ok: true })),
    copyText: vi.fn(async () => {}),
    now: () => POPUP_NOW,
    ...overrides,
  } satisfies PopupProps;
}

/** Folds out every shop's line on the popup's first screen, as clicks on them would: their cards and alerts are drawn. */
export async function unfoldShopLines(root: ParentNode): Promise<void> {
  for (const line of root.querySelectorAll<HTMLDetailsElement>('details.shops-line'))
    await act(() => {
      line.open = true;
      line.dispatchEvent(new Event('toggle'));
    });
}
