import { afterEach, describe, expect, it } from 'vitest';
import { recognise } from '@/core/reader/recognise';
import { findShadowHosts } from '@/core/reader/scan';
import { deepText, MAX_NESTING, walkText } from '@/core/reader/walk';

/**
 * Reading in the composed tree: what the page renders, across shadow roots and slots. Shadow roots
 * are attached by hand here, as a component would on upgrade.
 */

/** Puts `html` in the body, then gives each element with `data-root` an open root holding that template's markup. */
function page(html: string, roots: Record<string, string>): void {
  document.body.innerHTML = html;
  attach(document, roots);
}

function attach(scope: Document | ShadowRoot, roots: Record<string, string>): void {
  for (const host of Array.from(scope.querySelectorAll('[data-root]'))) {
    if (host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = roots[host.getAttribute('data-root')!]!;
    attach(shadow, roots);
  }
}

function values() {
  return Object.fromEntries(
    recognise(document)
      .filter((f) => !f.observed.breakdown)
      .map((f) => [f.observed.metric, f.observed.value]),
  );
}

const rendered = (root: Node) => {
  const out: string[] = [];
  walkText(root, (t) => {
    if (t.data.trim()) out.push(t.data.trim());
  });
  return out;
};

afterEach(() => {
  document.body.innerHTML = '';
});

describe('composed-tree walk', () => {
  it('renders a host as its shadow tree, slotted nodes where their slot is, fallback only when nothing is assigned', () => {
    page(
      `<x-card data-root="card"><span slot="value">3,482</span><span>not slotted</span><span slot="label">访客数</span></x-card>`,
      { card: '<div><slot name="label">fallback label</slot><slot name="value">-</slot><slot name="note">no note</slot></div>' },
    );
    expect(rendered(document.body)).toEqual(['访客数', '3,482', 'no note']);
    expect(deepText(document.querySelector('x-card')!)).toBe('访客数3,482no note');
  });

  it('follows slots passed on through nested components', () => {
    page(`<x-outer data-root="outer"><b>Sessions</b></x-outer>`, {
      outer: '<x-inner data-root="inner"><slot></slot></x-inner>',
      inner: '<p><i>before</i><slot></slot><i>after</i></p>',
    });
    expect(rendered(document.body)).toEqual(['before', 'Sessions', 'after']);
  });
});

describe('composed-tree reading', () => {
  it('pairs a label rendered in a nested component root with the value in the card root', () => {
    page(
      `<main>
        <sc-metric data-root="metric" id="a"></sc-metric>
        <sc-metric data-root="metric2" id="b"></sc-metric>
      </main>`,
      {
        metric: '<div class="card"><x-label data-root="sessions"></x-label><div class="value">1,284</div></div>',
        metric2: '<div class="card"><x-label data-root="usp"></x-label><div class="value">8.40%</div></div>',
        sessions: '<span class="text">Sessions</span><span class="info">ⓘ</span>',
        usp: '<span class="text">Unit Session Percentage</span>',
      },
    );
    expect(values()).toEqual({ visits: 1284, conversionRate: 0.084 });
  });

  it('pairs slotted labels and values in the order the component renders them, not the light DOM’s', () => {
    // The light DOM lists values before labels, in another order; the list shows label, value, label, value.
    page(
      `<x-list data-root="list"><b slot="v2">3.20%</b><b slot="v1">72.31%</b><span slot="l2">支付转化率</span><span slot="l1">跳失率</span></x-list>`,
      {
        list: `<ul><li><slot name="l1"></slot></li><li><slot name="v1"></slot></li>
          <li><slot name="l2"></slot></li><li><slot name="v2"></slot></li></ul>`,
      },
    );
    expect(values()).toEqual({ bounceRate: 0.7231, conversionRate: 0.032 });
  });

  it('reads a slot’s fallback content when nothing is assigned', () => {
    page(`<x-stat data-root="stat"><b slot="value">3.4</b></x-stat>`, {
      stat: '<div><slot name="label"><span>人均浏览量</span></slot></div><div><slot name="value">--</slot></div>',
    });
    expect(values()).toEqual({ pagesPerVisit: 3.4 });
  });

  it('never reads a light child that no slot shows, nor a fallback that is replaced', () => {
    page(
      `<x-stat data-root="stat"><b slot="value">2.10</b><span>人均浏览量</span><b>9.99</b></x-stat>
       <x-tile data-root="tile"><span slot="label">访客数</span></x-tile>`,
      {
        // No default slot: the bare label and 9.99 are not rendered.
        stat: '<div><slot name="value"></slot></div>',
        // The fallback number is replaced by nothing assigned? No: the label slot is assigned, so its fallback is gone.
        tile: '<div><slot name="label"><span>跳失率</span></slot><b>1,024</b></div>',
      },
    );
    expect(values()).toEqual({ visitors: 1024 });
  });

  it('keeps the decoy rules across shadow boundaries: tooltips, hidden hosts, comparison qualifiers', () => {
    page(
      `<section>
        <x-card data-root="card"></x-card>
        <x-tip data-root="tip" role="tooltip"></x-tip>
        <x-card data-root="peer" ></x-card>
        <div aria-hidden="true"><x-card data-root="hiddenCard"></x-card></div>
      </section>`,
      {
        card: '<div><x-label data-root="bounce"></x-label><b>48.20%</b></div>',
        tip: '<div><x-label data-root="visitors"></x-label><b>88,888</b></div>',
        peer: '<div><span>同行平均</span><x-label data-root="aov"></x-label><b>99.00</b></div>',
        hiddenCard: '<div><x-label data-root="depth"></x-label><b>7.7</b></div>',
        bounce: '<span>跳失率</span>',
        visitors: '<span>访客数</span>',
        aov: '<span>客单价</span>',
        depth: '<span>人均浏览量</span>',
      },
    );
    expect(values()).toEqual({ bounceRate: 0.482 });
  });

  it('reads a table whose header labels are rendered by components', () => {
    page(
      `<table><thead><tr><th>来源</th><th><x-label data-root="visitors"></x-label></th></tr></thead>
        <tbody><tr><td>合计</td><td>3,482</td></tr><tr><td>手淘搜索</td><td>1,200</td></tr></tbody></table>`,
      { visitors: '<span>访客数</span>' },
    );
    const found = recognise(document).map((f) => [f.observed.metric, f.observed.breakdown?.key ?? '', f.observed.value]);
    expect(found).toEqual([
      ['visitors', '', 3482],
      ['visitors', '手淘搜索', 1200],
    ]);
  });
});

describe('deep pages', () => {
  // Ten thousand levels are tested in Chromium (test/e2e/shadow.e2e.test.ts): the test DOM itself recurses per level.
  it('reads a page with a card under a thousand nested elements', () => {
    let el: Element = document.body.appendChild(document.createElement('div'));
    for (let i = 0; i < 1000; i++) el = el.appendChild(document.createElement('div'));
    el.innerHTML = '<div><span>访客数</span><b>3,482</b></div>';
    document.body.insertAdjacentHTML('afterbegin', '<div><span>跳失率</span><b>61.00%</b></div>');
    expect(values()).toEqual({ bounceRate: 0.61, visitors: 3482 });
  });

  it('reads shadow roots nested a few deep and skips, cleanly, roots nested past the limit', () => {
    const nest = (levels: number, inner: string) => {
      let host: Element = document.body.appendChild(document.createElement('div')).appendChild(document.createElement('x-box'));
      for (let i = 0; i < levels; i++) {
        const shadow = host.attachShadow({ mode: 'open' });
        if (i === levels - 1) shadow.innerHTML = inner;
        else host = shadow.appendChild(document.createElement('x-box'));
      }
    };
    nest(5, '<div><span>跳失率</span><b>61.00%</b></div>');
    nest(MAX_NESTING * 3, '<div><span>访客数</span><b>3,482</b></div>');
    expect(values()).toEqual({ bounceRate: 0.61 });
    expect(findShadowHosts(document).size).toBeLessThanOrEqual(5 + MAX_NESTING + 2);
    expect(rendered(document.body)).toEqual(['跳失率', '61.00%']);
  });
});
