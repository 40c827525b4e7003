import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/Options';
import { repairSettings, type Settings } from '@/core/settings';

/** The options page's alert lines read what is typed through the form-number parser. */

const settle = () => new Promise((r) => setTimeout(r, 20));

async function mount(granted = false) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const saved: Settings[] = [];
  const save = vi.fn(async (s: Settings) => void saved.push(s));
  render(
    <Options
      load={async () => repairSettings({ ...repairSettings(undefined).settings, language: 'en' })}
      save={save}
      shops={async () => ({ shops: [], totalReadings: 0 })}
      transfer={{ exportData: async () => ({}) as never, importData: async () => ({}) as never }}
      requestNotifications={async () => granted}
    />,
    root,
  );
  // The page renders its form once its settings have loaded (an effect, run after paint): wait for it.
  for (let waited = 0; !root.querySelector('[data-testid="event-days"]') && waited < 5000; waited += 20) await settle();
  await settle();
  const type = async (testId: string, text: string) => {
    const input = root.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!;
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
  };
  const alert = () => root.querySelector('[role=alert]')?.textContent ?? '';
  const el = <T extends HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`)!;
  return { root, saved, save, type, alert, el };
}

describe('options page alert lines', () => {
  it('reads a decimal comma in a rate, and refuses a comma that could be a thousands separator', async () => {
    const { saved, save, type, alert } = await mount();
    await type('rule-taobao-bounce-high-critical', '75,5');
    expect(alert()).toBe('');
    expect(saved.at(-1)?.rules.taobao?.['bounce-high']).toMatchObject({ critical: 0.755 });

    const calls = save.mock.calls.length;
    await type('rule-taobao-bounce-high-critical', '1,000');
    expect(alert()).toContain('reads two ways');
    expect(save.mock.calls.length).toBe(calls);
  });

  it('reads pages per visit typed as "2,5" as 2.5, never 25', async () => {
    const { saved, type, alert } = await mount();
    await type('rule-taobao-depth-low-critical', '2,4');
    expect(alert()).toBe('');
    expect(saved.at(-1)?.rules.taobao?.['depth-low']).toMatchObject({ critical: 2.4 });
  });
});

describe('the options page’s check times', () => {
  it('shows the defaults, saves typed times sorted, and refuses a time that is not one with nothing saved', async () => {
    const { saved, save, el, root } = await mount(true);
    const times = await vi.waitFor(() => el<HTMLInputElement>('pace-checks-times'));
    expect(times.value).toBe('14:00, 20:00');
    expect(el<HTMLSelectElement>('pace-checks-margin').value).toBe('0.1');
    times.value = '20:30，11:00';
    times.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(saved.at(-1)?.paceChecks).toEqual({ enabled: false, times: ['11:00', '20:30'], margin: 0.1 }));
    const calls = save.mock.calls.length;
    times.value = '14:00, 25:00';
    times.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(root.querySelector('.checks-problem')?.textContent).toBe('Not a time: 25:00'));
    expect(save.mock.calls.length).toBe(calls);
    // Switching on asks for the notifications permission; granted, it is saved on.
    el<HTMLInputElement>('pace-checks-enabled').click();
    await vi.waitFor(() => expect(saved.at(-1)?.paceChecks?.enabled).toBe(true));
  });

  it('stays off when the notifications permission is refused', async () => {
    const { save, el } = await mount(false);
    el<HTMLInputElement>('pace-checks-enabled').click();
    await settle();
    expect(save).not.toHaveBeenCalled();
    expect(el<HTMLInputElement>('pace-checks-enabled').checked).toBe(false);
  });
});

describe('the options page’s event days', () => {
  it('adds a marked day, refuses one that does not hold with the reason and keeps what was typed, and removes one', async () => {
    const { root, saved, save, type, alert, el } = await mount();
    expect(el('event-days').textContent).toContain('No event days marked.');
    const add = async () => {
      el<HTMLButtonElement>('events-add').click();
      await settle();
    };
    await type('events-date', '2026-11-11');
    await type('events-name', '双11');
    await add();
    expect(saved.at(-1)?.eventDays).toEqual([{ date: '2026-11-11', name: '双11' }]);
    expect(el<HTMLInputElement>('events-name').value).toBe('');

    // The same date again: refused, nothing saved, the typed name still there.
    const calls = save.mock.calls.length;
    await type('events-date', '2026-11-11');
    await type('events-name', '又一个');
    await add();
    expect(alert()).toBe('2026-11-11 is already marked');
    expect(save.mock.calls.length).toBe(calls);
    expect(el<HTMLInputElement>('events-name').value).toBe('又一个');

    // No name, then last year's date after the event day: each refused with its reason.
    await type('events-date', '2026-06-18');
    await type('events-name', '');
    await add();
    expect(alert()).toBe('Give the event a name of 1 to 20 characters');
    await type('events-name', '618');
    await type('events-lastYear', '2026-06-19');
    await add();
    expect(alert()).toBe('Last year’s date must be a date before the event day: 2026-06-19');
    expect(save.mock.calls.length).toBe(calls);

    await type('events-lastYear', '2025-06-18');
    await add();
    expect(alert()).toBe('');
    expect(saved.at(-1)?.eventDays).toEqual([
      { date: '2026-06-18', name: '618', lastYear: '2025-06-18' },
      { date: '2026-11-11', name: '双11' },
    ]);
    expect([...root.querySelectorAll('[data-testid="events-day"]')].map((li) => li.textContent)).toEqual([
      '2026-06-18 618 ← 2025-06-18 Remove',
      '2026-11-11 双11 Remove',
    ]);
    root.querySelector<HTMLButtonElement>('[data-testid="events-day"] button')!.click();
    await settle();
    expect(saved.at(-1)?.eventDays).toEqual([{ date: '2026-11-11', name: '双11' }]);
  });
});

describe('options page review alerts', () => {
  it('switches the review’s alerts and their least fall, refusing a fall out of range', async () => {
    const { root, saved, save } = await mount();
    const factor = root.querySelector<HTMLInputElement>('[data-testid="ralerts-factor"]')!;
    expect(factor.checked).toBe(true);
    factor.click();
    await settle();
    expect(saved.at(-1)?.reviewAlerts).toEqual({ factorDrop: false });
    const drop = root.querySelector<HTMLInputElement>('[data-testid="ralerts-minDrop"]')!;
    drop.value = '15';
    drop.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(saved.at(-1)?.reviewAlerts).toEqual({ factorDrop: false, minDrop: 0.15 });
    const calls = save.mock.calls.length;
    drop.value = '300';
    drop.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(save.mock.calls.length).toBe(calls);
    expect(drop.value).toBe('15');
  });

  it('says "Saved" in the language just chosen', async () => {
    const { root } = await mount();
    const language = root.querySelector<HTMLSelectElement>('select')!;
    language.value = 'zh-CN';
    language.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(root.querySelector('[data-testid="status"]')!.textContent).toBe('已保存');
  });
});
