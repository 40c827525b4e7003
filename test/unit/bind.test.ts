import { describe, expect, it } from 'vitest';
import { allowableOrigin, repairBindings, withBinding, type Binding, EMPTY_BINDINGS, bindingOrigin } from '@/core/bindings';
import { describeValue, locate, readBindings } from '@/core/reader/bind';

/** A dashboard of the kind admin templates produce: cards with a caption and a number. */
const DASHBOARD = `
  <div class="wrapper-a1"><div class="row-b2">
    <div class="card-c3"><h6 class="t-x">Sessions</h6><div class="v-y">12,480</div><small>+4.1% vs last week</small></div>
    <div class="card-c3"><h6 class="t-x">Revenue</h6><div class="v-y">$8,210.50</div></div>
    <div class="card-c3"><h6 class="t-x">Cart abandonment</h6><div class="v-y">68.2<span>%</span></div></div>
    <div class="card-c3"><div class="v-y">3.4</div><p class="t-x">Pages / visit</p></div>
  </div></div>`;

function bind(text: string, metric: Binding['metric']): Binding {
  document.body.innerHTML = DASHBOARD;
  const el = [...document.querySelectorAll('.v-y')].find((e) => e.textContent!.includes(text))!;
  const d = describeValue(el)!;
  return { metric, label: d.label, labelFirst: d.labelFirst, path: d.path, raw: d.raw, savedAt: 1 };
}

describe('binding a picked number', () => {
  it('remembers the caption above a value, or below it, and the value as printed', () => {
    const cart = bind('68.2', 'bounceRate');
    expect(cart).toMatchObject({ label: 'Cart abandonment', labelFirst: true, raw: '68.2%' });
    const depth = bind('3.4', 'pagesPerVisit');
    expect(depth).toMatchObject({ label: 'Pages / visit', labelFirst: false });
    // A label from the reader's vocabulary is suggested as the metric.
    document.body.innerHTML = DASHBOARD;
    expect(describeValue(document.querySelector('.card-c3 .v-y')!)?.suggested).toBe('visits');
  });

  it('finds the value again after wrapper divs are added, classes renamed and siblings reordered', () => {
    const cart = bind('68.2', 'bounceRate');
    const depth = bind('3.4', 'pagesPerVisit');
    document.body.innerHTML = `
      <div class="app-Zq9"><div class="layout-Kk2"><section class="grid-P0">
        <div class="tile-7f"><div class="inner-3"><div class="cap-1">Pages / visit</div></div><div class="inner-3"><b class="num-8">2.9</b><div class="cap-1">Pages / visit</div></div></div>
        <div class="tile-7f"><div class="inner-3"><span class="cap-1">Cart abandonment</span></div><div class="inner-3"><div class="num-8">71.5<span>%</span></div></div></div>
        <div class="tile-7f"><span class="cap-1">Revenue</span><div class="num-8">$9,000.00</div></div>
        <div class="tile-7f"><span class="cap-1">Sessions</span><div class="num-8">13,002</div></div>
      </section></div></div>`;
    const read = readBindings(document, [cart, depth]);
    expect(read.map((r) => [r.observed.metric, r.observed.value])).toEqual([
      ['bounceRate', 0.715],
      ['pagesPerVisit', 2.9],
    ]);
    expect(read[0]!.observed.source).toMatchObject({ reader: 'binding', label: 'Cart abandonment', raw: '71.5%' });
  });

  it('falls back to the element path when the caption was renamed, and reads nothing where neither leads to a number', () => {
    const revenue = bind('8,210', 'sales');
    document.body.innerHTML = DASHBOARD.replace('Revenue', 'Net sales').replace('$8,210.50', '$9,100.00');
    expect(locate(document, revenue)?.textContent).toBe('$9,100.00');
    document.body.innerHTML = '<main><p>Welcome back</p></main>';
    expect(locate(document, revenue)).toBeNull();
    expect(readBindings(document, [revenue])).toEqual([]);
  });

  it('picks nothing when a whole section is clicked rather than a number or a card', () => {
    document.body.innerHTML = `<section>${DASHBOARD.repeat(30)}</section>`;
    expect(describeValue(document.querySelector('section')!)).toBeNull();
    // A card still yields its number.
    expect(describeValue(document.querySelector('.card-c3')!)?.raw).toBe('12,480');
  });

  it('never reads a number the metric cannot be (a rate bound to a count)', () => {
    const wrong = { ...bind('12,480', 'bounceRate') };
    expect(readBindings(document, [wrong])).toEqual([]);
  });
});

describe('stored bindings', () => {
  const good: Binding = {
    metric: 'visits',
    label: 'Sessions',
    labelFirst: true,
    path: ['div:1', 'div:1'],
    raw: '12,480',
    savedAt: 5,
  };

  it('keeps good entries and drops each broken one with a note', () => {
    const { bindings, notes } = repairBindings({
      version: 1,
      sites: {
        'https://dash.example-shop.com': [
          good,
          { ...good, metric: 'profit' },
          { ...good, path: ['div:1', '<img onerror>'] },
          'x',
        ],
        'http://plain.example': [good],
        'https://ok.example': 'nope',
      },
    });
    expect(bindings.sites).toEqual({ 'https://dash.example-shop.com': [good] });
    expect(notes).toHaveLength(5);
    expect(notes.join('\n')).toMatch(/metric "profit" is unknown/);
    expect(notes.join('\n')).toMatch(/http:\/\/plain.example: not an https origin/);
  });

  it('reads nothing from garbage and says so, and nothing from no bindings at all', () => {
    expect(repairBindings('garbage')).toEqual({ bindings: EMPTY_BINDINGS, notes: [expect.stringMatching(/no bindings kept/)] });
    expect(repairBindings(undefined)).toEqual({ bindings: EMPTY_BINDINGS, notes: [] });
  });

  it('keeps one binding per metric and site: saving again replaces it', () => {
    const once = withBinding(EMPTY_BINDINGS, 'https://a.example', good);
    const twice = withBinding(once, 'https://a.example', { ...good, label: 'Visits' });
    expect(twice.sites['https://a.example']).toEqual([{ ...good, label: 'Visits' }]);
  });

  it('binds only https pages, by origin', () => {
    expect(bindingOrigin(new URL('https://dash.example-shop.com/reports?id=1#x'))).toBe('https://dash.example-shop.com');
    expect(bindingOrigin(new URL('http://dash.example-shop.com/'))).toBeNull();
    expect(bindingOrigin(new URL('chrome://extensions/'))).toBeNull();
  });

  it('lets the permission page ask only for the page that frames it, and only where numbers are bound', () => {
    const bound = withBinding(EMPTY_BINDINGS, 'https://dash.example-shop.com', good);
    expect(allowableOrigin('https://dash.example-shop.com', bound)).toBe('https://dash.example-shop.com');
    expect(allowableOrigin('https://evil.example', bound)).toBeNull();
    expect(allowableOrigin('http://dash.example-shop.com', bound)).toBeNull();
    expect(allowableOrigin(undefined, bound)).toBeNull();
    expect(allowableOrigin('not a url', bound)).toBeNull();
  });
});
