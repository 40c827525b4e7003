import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { reasonOf, SyncStatus, type SyncView } from '@/components/SyncStatus';
import { translator } from '@/core/i18n';
import { decideSync } from '@/core/settings-sync';
import { OPTIONS_SCREEN } from '@/core/strings/options';
import { renderRoot } from './support/dom';

const rootOf = renderRoot();
const t = translator('en', OPTIONS_SCREEN);

async function panel(view: SyncView, choose = vi.fn(async (optIn: boolean) => decideSync(true, false, optIn))) {
  await act(async () => {
    render(<SyncStatus load={async () => view} watch={() => () => undefined} choose={choose} t={t} locale="en" />, rootOf());
  });
  return choose;
}

const root = () => rootOf();

describe('the sync panel says whether settings follow sync here, and why', () => {
  it('where sync is closed to content scripts: on, with no switch', async () => {
    await panel({ status: null, mode: decideSync(true, true, false) });
    expect(root().querySelector('.sync-mode')?.textContent).toBe(t('sync_closed'));
    expect(root().querySelector('input[type=checkbox]')).toBeNull();
    expect(root().querySelector('.sync-ok')?.textContent).toBe(t('sync_none'));
  });

  it('where it is open: off and why, and the switch turns it on', async () => {
    const choose = await panel({ status: null, mode: decideSync(true, false, false) });
    expect(root().querySelector('.sync-mode')?.textContent).toBe(t('sync_openOff'));
    expect(root().querySelector('.sync-ok')).toBeNull();
    const box = root().querySelector<HTMLInputElement>('input[type=checkbox]')!;
    expect(box.checked).toBe(false);
    await act(async () => {
      box.click();
    });
    expect(choose).toHaveBeenCalledWith(true);
    expect(root().querySelector('.sync-mode')?.textContent).toBe(t('sync_openOn'));
    expect(root().querySelector<HTMLInputElement>('input[type=checkbox]')!.checked).toBe(true);
  });

  it('without a sync area: says so', async () => {
    await panel({ status: null, mode: decideSync(false, false, false) });
    expect(root().querySelector('.sync-mode')?.textContent).toBe(t('sync_unavailable'));
    expect(root().querySelector('input[type=checkbox]')).toBeNull();
  });
});

describe('the sync panel says what happened to the monthly targets', () => {
  it('shows a refused target write beside the settings’ outcome, in the quota’s words', async () => {
    await panel({
      status: { at: 1_000, written: ['language'], problems: [] },
      mode: decideSync(true, true, false),
      targets: { at: 2_000, written: [], pruned: 0, problems: [{ code: 'refused', message: 'QUOTA_BYTES quota exceeded' }] },
    });
    const items = [...root().querySelectorAll('.sync-problems li')];
    expect(items.map((li) => li.getAttribute('data-code'))).toEqual(['targets-refused']);
    expect(items[0]!.textContent).toContain('monthly targets');
    expect(items[0]!.textContent).toContain(t('sync_quotaTotal'));
    expect(root().querySelector('.sync-ok')).toBeNull();
  });

  it('names the months left on this computer, and a target kept as a newer version wrote it', async () => {
    await panel({
      status: null,
      mode: decideSync(true, true, false),
      targets: {
        at: 2_000,
        written: [],
        pruned: 0,
        problems: [
          { code: 'leftOut', count: 12, months: ['2025-10', '2025-11'] },
          { code: 'newerKept', target: '小雨的旗舰店 2026-11', version: 2 },
        ],
      },
    });
    const texts = [...root().querySelectorAll('.sync-problems li')].map((li) => li.textContent);
    expect(texts[0]).toContain('12 targets of older months (2025-10, 2025-11)');
    expect(texts[1]).toContain('“小雨的旗舰店 2026-11” was saved by a newer StorePulse');
  });

  it('says the targets were sent when only they were', async () => {
    await panel({
      status: null,
      mode: decideSync(true, true, false),
      targets: { at: 2_000, written: ['a 2026-11'], pruned: 0, problems: [] },
    });
    expect(root().querySelector('.sync-ok')?.textContent).toMatch(/^Sent to sync at /);
  });
});

describe('a refused write in the operator’s words', () => {
  it.each([
    [
      'zh-CN',
      'QuotaExceededError: storage.sync API call exceeded its quota limitations.',
      '浏览器的同步空间已满（最多 100 KB、512 项）',
    ],
    [
      'zh-TW',
      'QuotaExceededError: storage.sync API call exceeded its quota limitations.',
      '瀏覽器的同步空間已滿（最多 100 KB、512 項）',
    ],
    ['en', 'QuotaExceededError: storage.sync API call exceeded its quota limitations.', 'the browser’s sync space is full'],
    ['zh-CN', 'QUOTA_BYTES quota exceeded', '浏览器的同步空间（100 KB）已满'],
    ['en', 'Resource::kQuotaBytesPerItem quota exceeded', 'one item is larger than the browser allows'],
    ['en', 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded', 'too many writes in a minute'],
  ] as const)('%s: “%s”', (locale, message, words) => {
    const reason = reasonOf(message, translator(locale, OPTIONS_SCREEN));
    expect(reason).toContain(words);
    // The browser's own words follow, without their full stop (the sentence has its own).
    expect(reason).toContain(`(${message.replace(/\.$/, '')})`);
    expect(reason).not.toMatch(/\.\)$/);
  });

  it('leaves a message it does not know as the browser wrote it', () => {
    expect(reasonOf('Sync is paused', t)).toBe('Sync is paused');
  });
});
