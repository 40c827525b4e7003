import '@/components/base.css';
import { render } from 'preact';
import { Popup } from '@/components/Popup';
import type { Locale } from '@/core/i18n';
import type { PopupState } from '@/core/messages';
import { addDays, sampleReviewState, sampleStates, sampleTrend, TODAY } from '@/test/fixtures/review/sample';

/**
 * The popup on sample data, without the extension: the preview page (test/harness/preview.mjs) loads
 * this with ?locale=… (and ?states for the review's other states) and every answer the background would give comes from the sample builders.
 */

const query = new URLSearchParams(location.search);
const locale = (query.get('locale') ?? 'en') as Locale;
document.documentElement.lang = locale;
const sample = sampleReviewState();
const review = query.has('states') ? sampleStates() : sample;
// ?shops=N: the sample's shops repeated under other names, for the first screen with many shops.
const many = Number(query.get('shops') ?? 0);
const base = [...review.shops];
const baseInbox = [...review.inbox];
for (let i = base.length; i < many; i++) {
  const from = base[i % base.length]!;
  const store = `${from.store} ${Math.floor(i / base.length) + 1}`;
  review.shops.push({ ...from, store, day: { ...from.day, store } });
  review.inbox.push(...baseInbox.filter((a) => a.store === from.store).map((a) => ({ ...a, id: `${a.id}-${i}`, store })));
}
const yesterday = addDays(TODAY, -1);
const popupState: PopupState = {
  alerts: review.inbox,
  latest: sample.shops.flatMap((s) =>
    (['sales', 'visitors', 'conversionRate'] as const).map((metric) => ({
      site: s.site,
      store: s.store,
      metric,
      value:
        metric === 'sales'
          ? s.day.sales!
          : metric === 'visitors'
            ? s.day.decomposition!.factors[0]!.current
            : s.day.decomposition!.factors[1]!.current,
      ...(metric === 'sales' ? { currency: s.currency } : {}),
      period: { kind: 'day' as const, start: yesterday, end: yesterday },
      observedAt: Date.parse(`${TODAY}T09:20:00+08:00`),
    })),
  ),
  readingsToday: 42,
  totalReadings: 18_250,
  // ?pages: the notices about open pages that yield nothing, unreadable numbers or refused readings.
  pages: query.has('pages')
    ? [
        {
          site: 'sycm',
          store: sample.shops[0]!.store,
          path: '/flow/monitor/board.htm',
          at: 0,
          found: 9,
          unreadable: 0,
          own: [],
          missing: [],
          refused: 3,
        },
        { site: 'pdd', store: 'x', path: '/sycm/stores_data/operation', at: 0, found: 4, unreadable: 3, own: [], missing: [] },
        { site: 'jd', store: 'x', path: '/sz/view/index.html', at: 0, found: 0, unreadable: 0, own: [], missing: [] },
      ]
    : [],
};
const dataUrl = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsDataURL(blob);
  });
/** Lets the preview script see what the popup asked for. */
const calls: unknown[] = [];
Object.assign(window, { __calls: calls });
const answer = <T,>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 10));

render(
  <Popup
    locale={locale}
    load={() => answer(popupState)}
    dismiss={(alertId) => answer(calls.push({ dismiss: alertId }))}
    loadReview={() => answer(review)}
    loadTrend={(req) => answer(sampleTrend(req))}
    setTarget={(target) => answer(calls.push({ setTarget: target }))}
    alertAction={(alertId, action, until) => answer(calls.push({ alertAction: { alertId, action, until } }))}
    openSettings={() => calls.push('settings')}
    now={() => Date.parse(`${TODAY}T09:30:00+08:00`)}
    copyText={(text) => answer(void calls.push({ copy: text }))}
    reportImage={{
      // ?clipboard=refuse: the browser refuses images on the clipboard, so the picture is saved instead.
      copy: async (png) => {
        if (query.get('clipboard') === 'refuse') throw new Error('refused');
        calls.push({ image: await dataUrl(await png) });
      },
      save: (png, filename) => void dataUrl(png).then((url) => calls.push({ saved: filename, image: url })),
    }}
  />,
  document.getElementById('app')!,
);
