import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { SyncStatus, type SyncView } from '@/components/SyncStatus';
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
