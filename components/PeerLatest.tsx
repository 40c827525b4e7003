import './PeerLatest.css';
import { formatValue } from '@/core/format';
import type { Locale } from '@/core/i18n';
import type { PopupTranslate } from '@/core/strings/popup';
import type { DailyPoint, TrendView } from '@/core/review/types';

/**
 * The latest day read of the shop and of each peer beside it, for the metric the trends tab shows:
 * listed peers by the name the operator gave them, printed names that match none marked as such.
 */
export function PeerLatest({ trend, store, t, locale }: { trend: TrendView; store: string; t: PopupTranslate; locale: Locale }) {
  const value = (p: DailyPoint | undefined) => (p ? formatValue(trend.metric, p.value, locale, trend.currency) : '—');
  const rows = [
    { name: store, note: t('peerl_you'), last: trend.points.at(-1), own: true, listed: true },
    ...(trend.peers ?? []).map((p) => ({
      name: p.peer,
      note: '',
      last: p.points.at(-1),
      own: false,
      listed: p.listed !== false,
    })),
  ];
  const anyListed = rows.some((r) => !r.own && r.listed);
  return (
    <section class="peerl" aria-labelledby="peerl-title" data-testid="peer-latest">
      <h3 id="peerl-title" class="peerl-title">
        {t('peerl_title')}
      </h3>
      <table class="popup-table peerl-table">
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} class={r.own ? 'peerl-own' : r.listed ? 'peerl-listed' : 'peerl-unlisted'} data-peer={r.name}>
              <th scope="row">
                {r.name}
                {r.own && <small class="peerl-note"> {r.note}</small>}
                {!r.listed && <small class="peerl-note"> {t('peerl_unlisted')}</small>}
              </th>
              <td class="popup-num">{value(r.last)}</td>
              <td class="peerl-date">{r.last?.date.slice(5) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!anyListed && <p class="popup-muted popup-small">{t('peerl_none')}</p>}
    </section>
  );
}
