import './FirstRun.css';
import { useState } from 'preact/hooks';
import { translator, type Locale } from '@/core/i18n';
import { FIRST_RUN_STRINGS } from '@/core/strings/first-run';
import type { PopupTranslate } from '@/core/strings/popup';
import type { IsoMonth, MonthTarget, ShopOverview } from '@/core/review/types';
import { parseTarget } from './TargetForm';
import { errorText } from './util';

/** Where "Later" is remembered: the month it was chosen in (the panel comes back the next month). */
export const FIRST_RUN_LATER_KEY = 'storepulse.firstRunLater';

/** The shop's currency as the operator writes it ("¥", "US$"), or the code where the locale has no sign. */
function currencySign(currency: string, locale: Locale): string {
  try {
    return (
      new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ??
      currency
    );
  } catch {
    return currency;
  }
}

const monthName = (month: IsoMonth, locale: Locale) =>
  new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 1, 1),
  );

const laterChosen = (month: IsoMonth): boolean => {
  try {
    return localStorage.getItem(FIRST_RUN_LATER_KEY) === month;
  } catch {
    return false;
  }
};

/**
 * The popup's first screen while a shop that was read has no target for this month: what StorePulse
 * gives, and the month's target for that shop in one field (the shop's currency, split evenly; the
 * card's target form sets a weekday split or a day plan). Saved through the popup's `setTarget`.
 * One shop at a time, the most urgent first; "Later" hides it until next month.
 */
export function FirstRun({
  shops,
  month,
  t,
  locale,
  onSave,
}: {
  /** The review's shops, most urgent first. */
  shops: ShopOverview[];
  month: IsoMonth;
  t: PopupTranslate;
  locale: Locale;
  onSave: (target: MonthTarget) => Promise<unknown>;
}) {
  const f = translator(locale, [FIRST_RUN_STRINGS]);
  const [later, setLater] = useState(() => laterChosen(month));
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const missing = shops.filter((s) => s.target === null);
  const shop = missing[0];
  if (later || !shop) return null;

  const save = (e: Event) => {
    e.preventDefault();
    const parsed = parseTarget({ month, amount, split: 'even', weights: [] }, shop);
    if ('errors' in parsed) return setProblem(t(parsed.errors.amount ?? 'target_errAmount'));
    setSaving(true);
    onSave(parsed.target).then(
      () => {
        setAmount('');
        setProblem(null);
        setSaving(false);
      },
      (error: unknown) => {
        setProblem(f('first_error', { error: errorText(error) }));
        setSaving(false);
      },
    );
  };
  const chooseLater = () => {
    try {
      localStorage.setItem(FIRST_RUN_LATER_KEY, month);
    } catch {
      // Not remembered: hidden for this opening only.
    }
    setLater(true);
  };
  const label = shop.currency
    ? f('first_amount', { month: monthName(month, locale), currency: currencySign(shop.currency, locale) })
    : f('first_amountNoCurrency', { month: monthName(month, locale) });

  return (
    <section class="first" data-testid="first-run" aria-labelledby="first-title">
      <h2 id="first-title">{f('first_title')}</h2>
      <ul class="first-gives">
        <li>{f('first_alerts')}</li>
        <li>{f('first_review')}</li>
        <li>{f('first_targets')}</li>
      </ul>
      <form class="first-form" onSubmit={save} noValidate>
        <p class="first-ask">{f('first_ask', { store: shop.store })}</p>
        <label class="first-field">
          <span>{label}</span>
          <input
            type="text"
            inputMode="decimal"
            value={amount}
            aria-invalid={problem ? 'true' : undefined}
            data-testid="first-amount"
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </label>
        {problem && (
          <p class="first-error" role="alert">
            {problem}
          </p>
        )}
        <div class="first-actions">
          <button type="submit" class="popup-primary first-save" disabled={saving}>
            {f('first_save')}
          </button>
          <button type="button" class="popup-act first-later" onClick={chooseLater}>
            {f('first_later')}
          </button>
        </div>
        {missing.length > 1 && <p class="first-others">{f('first_others', { count: missing.length - 1 })}</p>}
      </form>
    </section>
  );
}
