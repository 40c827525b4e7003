import { afterEach, describe, expect, it } from 'vitest';
import { SETTLE_MS } from '@/core/content/session';
import { sycm } from '@/core/sites/sycm';
import { fakeBackground, startSession } from './support/background';
import { click, closedRoots } from './support/dom';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function card(label: string, value: string) {
  return `<div class="card"><div class="l">${label}</div><div class="v">${value}</div></div>`;
}

const roots = closedRoots();
let controller: AbortController;
function start(bg: ReturnType<typeof fakeBackground>, adapter = sycm) {
  controller = new AbortController();
  return startSession(bg, controller.signal, adapter);
}

afterEach(() => controller?.abort());

const badges = () =>
  Array.from(document.querySelectorAll('storepulse-badge')).map((b) => [
    b.getAttribute('data-metric'),
    b.getAttribute('data-severity'),
  ]);

describe('page session', () => {
  it('reports settled values once and puts a badge next to a bad one', async () => {
    document.body.innerHTML = `<header>小雨的旗舰店</header><div>统计时间 2026-11-25</div>${card('访客数', '3,482')}${card('跳失率', '72.31%')}`;
    const bg = fakeBackground();
    start(bg);
    await wait(SETTLE_MS * 3);
    expect(bg.reports).toHaveLength(1);
    expect(bg.reports[0]!.observed.map((o) => [o.metric, o.value])).toEqual([
      ['visitors', 3482],
      ['bounceRate', 0.7231],
    ]);
    expect(bg.reports[0]!.period).toEqual({ kind: 'day', start: '2026-11-25', end: '2026-11-25' });
    expect(badges()).toEqual([['bounceRate', 'critical']]);
    expect(document.querySelector('storepulse-badge')!.parentElement!.textContent).toBe('72.31%');
    // Badge text is text: nothing of the page became markup inside it.
    expect(roots.get(document.querySelector('storepulse-badge')!)!.textContent).toContain('先改页面');
  });

  it('loads the badges’ code once, when the page has a badge to show, and never on a page without one', async () => {
    document.body.innerHTML = `<div>统计时间 2026-11-25</div>${card('访客数', '3,482')}${card('跳失率', '31.20%')}`;
    const bg = fakeBackground();
    start(bg);
    await wait(SETTLE_MS * 3);
    expect(bg.reports).toHaveLength(1);
    expect(badges()).toEqual([]);
    expect(bg.badgeLoads).toBe(0);
    // Two numbers turn bad: both badges come with one load of the code.
    document.querySelectorAll('.v')[1]!.textContent = '72.31%';
    document.body.insertAdjacentHTML('beforeend', card('人均浏览量', '2.10'));
    await wait(SETTLE_MS * 4);
    expect(badges()).toEqual([
      ['bounceRate', 'critical'],
      ['pagesPerVisit', 'critical'],
    ]);
    expect(bg.badgeLoads).toBe(1);
  });

  it('asks for the badges’ code again at the next read when it could not be loaded, and shows the badge then', async () => {
    document.body.innerHTML = `<div>统计时间 2026-11-25</div>${card('跳失率', '72.31%')}`;
    const bg = fakeBackground();
    bg.failNextBadgeLoads(1);
    start(bg);
    await wait(SETTLE_MS * 3);
    expect(bg.reports).toHaveLength(1);
    expect(bg.badgeLoads).toBe(1);
    expect(badges()).toEqual([]);
    // The page changes: the next read places the badge, with the code asked for once more.
    document.body.insertAdjacentHTML('beforeend', card('访客数', '3,482'));
    await wait(SETTLE_MS * 3);
    expect(bg.badgeLoads).toBe(2);
    expect(badges()).toEqual([['bounceRate', 'critical']]);
  });

  it('opens and dismisses a badge only on the operator’s own clicks, never on a page script’s', async () => {
    document.body.innerHTML = `${card('跳失率', '72.31%')}${card('人均浏览量', '2.10')}`;
    const bg = fakeBackground();
    start(bg);
    await wait(SETTLE_MS * 3);
    const host = document.querySelector('storepulse-badge[data-metric="bounceRate"]')!;
    expect(host.shadowRoot).toBeNull();
    const root = roots.get(host)!;
    // A page script that got hold of the buttons (it cannot: the root is closed) still changes nothing.
    click(root.querySelector('.pill')!, false);
    expect(host.hasAttribute('data-open')).toBe(false);
    for (const b of document.querySelectorAll('storepulse-badge'))
      for (const button of roots.get(b)!.querySelectorAll('button')) click(button, false);
    await wait(10);
    expect(bg.dismissed).toEqual([]);
    expect(badges()).toHaveLength(2);
    // The operator's clicks open the advice and dismiss.
    click(root.querySelector('.pill')!);
    expect(host.hasAttribute('data-open')).toBe(true);
    click(root.querySelector('.dismiss')!);
    await wait(10);
    expect(bg.dismissed).toEqual(['a-bounceRate']);
    expect(badges()).toEqual([['pagesPerVisit', 'critical']]);
  });

  it('never reports a value caught mid-animation or a placeholder', async () => {
    document.body.innerHTML = `${card('跳失率', '--')}`;
    const bg = fakeBackground();
    start(bg);
    const value = document.querySelector('.v')!;
    for (let i = 1; i <= 12; i++) {
      await wait(60);
      value.textContent = `${(72.31 * i) / 12}`.slice(0, 5) + '%';
    }
    value.textContent = '72.31%';
    await wait(SETTLE_MS * 4);
    const sent = bg.reports.flatMap((r) => r.observed.map((o) => o.value));
    expect(sent).toEqual([0.7231]);
  });

  it('takes the badge down when the number turns good or disappears', async () => {
    document.body.innerHTML = `${card('跳失率', '72.31%')}${card('人均浏览量', '2.10')}`;
    const bg = fakeBackground();
    start(bg);
    await wait(SETTLE_MS * 3);
    expect(badges()).toEqual([
      ['bounceRate', 'critical'],
      ['pagesPerVisit', 'critical'],
    ]);
    document.querySelectorAll('.v')[0]!.textContent = '45.20%';
    await wait(SETTLE_MS * 4);
    expect(badges()).toEqual([['pagesPerVisit', 'critical']]);
    document.querySelectorAll('.card')[1]!.remove();
    await wait(SETTLE_MS * 3);
    expect(badges()).toEqual([]);
  });

  it('keeps readings and retries when the background is not there', async () => {
    document.body.innerHTML = card('跳失率', '72.31%');
    const bg = fakeBackground();
    bg.failNextReports(1);
    start(bg);
    await wait(SETTLE_MS * 3);
    expect(bg.reports).toHaveLength(0);
    await wait(1500);
    expect(bg.reports).toHaveLength(1);
    expect(bg.reports[0]!.observed[0]!.value).toBe(0.7231);
  });

  it('survives a read that throws and reads again on the next change', async () => {
    document.body.innerHTML = card('跳失率', '72.31%');
    const bg = fakeBackground();
    let calls = 0;
    const flaky = {
      ...sycm,
      *readSteps(...args: Parameters<typeof sycm.readSteps>) {
        if (++calls === 1) throw new Error('odd page');
        return yield* sycm.readSteps(...args);
      },
    };
    start(bg, flaky);
    await wait(SETTLE_MS * 2);
    expect(bg.reports).toHaveLength(0);
    document.body.append(document.createElement('div'));
    await wait(SETTLE_MS * 4);
    expect(bg.reports.flatMap((r) => r.observed.map((o) => o.value))).toEqual([0.7231]);
  });

  it('keeps reading and reporting when a badge cannot be placed on the page', async () => {
    document.body.innerHTML = `${card('访客数', '3,482')}${card('跳失率', '72.31%')}`;
    const bg = fakeBackground();
    const hostile = {
      ...sycm,
      *readSteps(...args: Parameters<typeof sycm.readSteps>) {
        const read = yield* sycm.readSteps(...args);
        // A value element that refuses our badge (a page may hold odd elements).
        for (const f of read.found)
          if (f.observed.metric === 'bounceRate')
            f.element = new Proxy(f.element, {
              get: (target, key) =>
                key === 'append'
                  ? () => {
                      throw new Error('no children here');
                    }
                  : Reflect.get(target, key, target),
            });
        return read;
      },
    };
    start(bg, hostile);
    await wait(SETTLE_MS * 3);
    expect(bg.reports.flatMap((r) => r.observed.map((o) => o.value))).toEqual([3482, 0.7231]);
    document.querySelectorAll('.v')[0]!.textContent = '3,600';
    await wait(SETTLE_MS * 4);
    expect(bg.reports.at(-1)!.observed.map((o) => o.value)).toEqual([3600, 0.7231]);
  });

  it('stops cleanly when its page goes away', async () => {
    document.body.innerHTML = card('跳失率', '72.31%');
    const bg = fakeBackground();
    const session = start(bg);
    controller.abort();
    await wait(SETTLE_MS * 2);
    expect(bg.reports).toHaveLength(0);
    expect(session.reads).toBe(0);
    expect(badges()).toEqual([]);
  });
});
