import { afterEach, describe, expect, it } from 'vitest';
import { fakeBackground, startSession } from './support/background';

/**
 * Shadow roots that appear after the page was read: `attachShadow` makes no mutation in the document,
 * so the page session has to find them by itself, and then watch them.
 */

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

let controller: AbortController;
afterEach(() => controller?.abort());

function start() {
  const bg = fakeBackground();
  controller = new AbortController();
  startSession(bg, controller.signal);
  return { values: () => bg.reports.flatMap((r) => r.observed.map((o) => [o.metric, o.value])) };
}

/** A metric card component as design systems write them: its label is another component, with its own root. */
function defineCards(card: string, label: string): void {
  customElements.define(
    label,
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        this.attachShadow({ mode: 'open' }).innerHTML = `<span class="t">${this.getAttribute('text')}</span>`;
      }
    },
  );
  customElements.define(
    card,
    class extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const root = this.attachShadow({ mode: 'open' });
        root.innerHTML = `<div class="card"><${label} text="${this.dataset.label}"></${label}><div class="v">${this.dataset.value}</div></div>`;
      }
    },
  );
}

describe('late shadow roots', () => {
  it('reads cards whose elements the page defines a second after load, labels in nested component roots', async () => {
    document.body.innerHTML = `<div>统计时间 2026-11-25</div>
      <la-card data-label="访客数" data-value="3,482"></la-card><la-card data-label="跳失率" data-value="72.31%"></la-card>`;
    const { values } = start();
    await wait(1000);
    expect(values()).toEqual([]);
    defineCards('la-card', 'la-label');
    await wait(1500);
    expect(values()).toEqual([
      ['visitors', 3482],
      ['bounceRate', 0.7231],
    ]);
    const badge = document.querySelector('la-card:last-of-type')!.shadowRoot!.querySelector('storepulse-badge');
    expect(badge?.getAttribute('data-severity')).toBe('critical');
  });

  it('finds a root attached to an element already in the page and defined', async () => {
    document.body.innerHTML = `<div>统计时间 2026-11-25</div><section id="host"></section>`;
    const { values } = start();
    await wait(600);
    document
      .getElementById('host')!
      .attachShadow({ mode: 'open' }).innerHTML = '<div class="card"><span>人均浏览量</span><b>3.10</b></div>';
    await wait(2500);
    expect(values()).toEqual([['pagesPerVisit', 3.1]]);
  });

  it('watches the roots it reads: a change inside one is read again', async () => {
    document.body.innerHTML = `<div>统计时间 2026-11-25</div><lw-card data-label="跳失率" data-value="72.31%"></lw-card>`;
    defineCards('lw-card', 'lw-label');
    const { values } = start();
    await wait(1200);
    expect(values()).toEqual([['bounceRate', 0.7231]]);
    document.querySelector('lw-card')!.shadowRoot!.querySelector('.v')!.textContent = '45.20%';
    await wait(1500);
    expect(values()).toEqual([
      ['bounceRate', 0.7231],
      ['bounceRate', 0.452],
    ]);
  });
});
