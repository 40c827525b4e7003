import { afterEach, describe, expect, it, vi } from 'vitest';
import { Picker, PICKER_TAG } from '@/core/content/picker';
import { translator } from '@/core/i18n';
import { PICKER_SCREEN } from '@/core/strings/picker';
import type { BindingPayload } from '@/core/messages';
import { click, closedRoots, trusted } from './support/dom';

/** The element picker in a page: what a click does, what Esc does, and what reaches the background. */

const roots = closedRoots();
const open: Picker[] = [];
afterEach(() => open.splice(0).forEach((p) => p.close()));

function setup(save: (b: BindingPayload) => Promise<unknown> = async () => ({ ok: true })) {
  document.body.innerHTML = `
    <a href="#away" class="card"><span class="cap">Sessions &lt;img src=x onerror="alert(document.cookie)"&gt;</span><b class="num">12,480</b></a>
    <p class="prose">Welcome back</p>
    <div class="tile"><span>Sessions</span><b class="sessions">9,120</b></div>`;
  const pageClicks = vi.fn();
  document.addEventListener('click', pageClicks);
  const picker = new Picker(document, { t: translator('en', PICKER_SCREEN), save });
  picker.open();
  open.push(picker);
  const shadow = () => roots.get(document.querySelector(PICKER_TAG)!)!;
  return { picker, pageClicks, shadow };
}

describe('element picker', () => {
  it('takes a click on the page as the pick: the page’s own handlers never see it', () => {
    const { pageClicks, shadow } = setup();
    click(document.querySelector('.num')!);
    expect(pageClicks).not.toHaveBeenCalled();
    const panel = shadow().querySelector('[data-part="panel"]') as HTMLElement;
    expect(panel.hidden).toBe(false);
    // Page text is shown as text: the label's markup is not turned into elements.
    expect(panel.textContent).toContain('Sessions <img src=x onerror="alert(document.cookie)">');
    expect(panel.querySelector('img')).toBeNull();
    // No metric is taken for granted when the label is not in the vocabulary: saving waits for a choice.
    expect((shadow().querySelector('select') as HTMLSelectElement).value).toBe('');
    expect((shadow().querySelector('button.primary') as HTMLButtonElement).disabled).toBe(true);
  });

  it('preselects the metric a vocabulary label names', () => {
    const { picker, shadow } = setup();
    picker.pick(document.querySelector('.sessions')!);
    expect((shadow().querySelector('select') as HTMLSelectElement).value).toBe('visits');
    expect((shadow().querySelector('button.primary') as HTMLButtonElement).disabled).toBe(false);
  });

  it('says so when the click was not on a number, and keeps picking', () => {
    const { picker, shadow } = setup();
    picker.pick(document.querySelector('.prose')!);
    expect(shadow().querySelector('[data-part="bar"]')!.textContent).toContain('No number there');
    expect((shadow().querySelector('[data-part="panel"]') as HTMLElement).hidden).toBe(true);
  });

  it('saves the chosen metric with the label, side and path, and shows the error when saving fails', async () => {
    const saved: BindingPayload[] = [];
    let fail = true;
    const { picker, shadow } = setup(async (b) => {
      if (fail) throw new Error('the disk is full');
      saved.push(b);
    });
    picker.pick(document.querySelector('.num')!);
    const select = shadow().querySelector('select') as HTMLSelectElement;
    select.value = 'pageViews';
    select.dispatchEvent(new Event('change'));
    click(shadow().querySelector('button.primary')!);
    await vi.waitFor(() => expect(shadow().querySelector('.msg.error')?.textContent).toBe('Not saved: the disk is full'));
    fail = false;
    click(shadow().querySelector('button.primary')!);
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({
      metric: 'pageViews',
      label: 'Sessions <img src=x onerror="alert(document.cookie)">',
      labelFirst: true,
      path: ['a:1', 'b:1'],
      raw: '12,480',
    });
  });

  it('leaves nothing behind on Esc', () => {
    const { pageClicks } = setup();
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true })));
    expect(document.querySelector(PICKER_TAG)).toBeNull();
    // Picking is over: clicks reach the page again.
    click(document.querySelector('.prose')!);
    expect(pageClicks).toHaveBeenCalledTimes(1);
  });

  it('keeps page scripts out: a closed root, and their clicks, keys and moves pick, save and cancel nothing', async () => {
    const saved: BindingPayload[] = [];
    const { picker, pageClicks, shadow } = setup(async (b) => void saved.push(b));
    const host = document.querySelector(PICKER_TAG)!;
    expect(host.shadowRoot).toBeNull();
    // A page script's click on a number is the page's own business: no pick, and it reaches the page.
    click(document.querySelector('.num')!, false);
    expect((shadow().querySelector('[data-part="panel"]') as HTMLElement).hidden).toBe(true);
    expect(pageClicks).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    expect((shadow().querySelector('.box') as HTMLElement).style.display).toBe('');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(host.isConnected).toBe(true);
    // Even a script holding the root's buttons (it cannot get them) would save and cancel nothing.
    picker.pick(document.querySelector('.sessions')!);
    click(shadow().querySelector('button.primary')!, false);
    for (const b of shadow().querySelectorAll('button')) click(b, false);
    await new Promise((r) => setTimeout(r, 10));
    expect(saved).toEqual([]);
    expect(host.isConnected).toBe(true);
    // A look-alike element the page inserts does not pass for an open picker.
    picker.close();
    document.body.append(document.createElement(PICKER_TAG));
    expect(Picker.isOpen(window)).toBe(false);
    const again = new Picker(document, { t: translator('en', PICKER_SCREEN), save: async () => undefined });
    again.open();
    open.push(again);
    expect(Picker.isOpen(window)).toBe(true);
  });
});
