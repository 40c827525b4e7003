import { describe, expect, it } from 'vitest';
import { parseTabMessage, tabMessage } from '@/core/messages';

describe('the tab protocol', () => {
  it('reads back what the background sends a tab', () => {
    const sent = JSON.parse(
      JSON.stringify(tabMessage('dismissed', { alertId: 'sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25' })),
    );
    expect(parseTabMessage(sent)).toEqual({
      type: 'dismissed',
      payload: { alertId: 'sycm|小雨的旗舰店|bounceRate|day:2026-11-25..2026-11-25' },
    });
  });

  it('ignores anything else a content script may hear', () => {
    for (const message of [
      null,
      'dismissed',
      { type: 'dismissed' },
      { type: 'dismissed', payload: { alertId: 7 } },
      { type: 'report', payload: { alertId: 'x' } },
    ])
      expect(parseTabMessage(message), JSON.stringify(message)).toBeNull();
  });
});
