import './TargetForm.css';
import { useState } from 'preact/hooks';
import { formatFormNumber, readFormNumber, type FormNumber } from '@/core/form-number';
import type { Locale } from '@/core/i18n';
import type { FormKey } from '@/core/strings/forms';
import type { PopupKey, PopupTranslate } from '@/core/strings/popup';
import type { SpendKey } from '@/core/strings/spend';
import type { IsoMonth, MonthTarget, SplitMode } from '@/core/review/types';
import { buildPlan, type PlanInputProblem } from '@/core/review/plan-input';
import { PlanDays } from './PlanDays';
import { errorText, numberProblemKey } from './util';

/** What the operator typed, before it is a MonthTarget. */
export interface TargetDraft {
  month: string;
  amount: string;
  split: SplitMode;
  weights: string[];
  /** `plan`: each day's amount as typed, index 0 = day 1 (empty: shares the rest). */
  plan?: string[];
  /** The month's 费比 ceiling in percent as typed (empty: none). */
  ceiling?: string;
}

export type TargetErrors = Partial<Record<'month' | 'amount' | 'weights' | 'ceiling', PopupKey | FormKey | SpendKey>> & {
  plan?: PlanInputProblem[];
};

const readAmount = (text: string): FormNumber => readFormNumber(text, { amount: true });
const readWeight = (text: string | undefined): FormNumber => readFormNumber(text ?? '');

const EVEN_WEIGHTS = ['1', '1', '1', '1', '1', '1', '1'];
const EMPTY_PLAN: string[] = Array.from({ length: 31 }, () => '');

/**
 * A saved plan back into the day fields (index 0 = day 1). The amount most days share (the rest spread
 * when it was saved) is left empty, so those days share the rest again when a day is changed.
 */
function planTexts(current: MonthTarget | null): string[] {
  const days = [...EMPTY_PLAN];
  const entries = Object.entries(current?.plan ?? {});
  const counts = new Map<number, number>();
  for (const [, v] of entries) counts.set(v, (counts.get(v) ?? 0) + 1);
  const [spread, most] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [NaN, 0];
  for (const [date, value] of entries)
    if (!(most > 1 && value === spread)) days[Number(date.slice(8)) - 1] = formatFormNumber(value);
  return days;
}

const amountValue = (text: string): number | null => {
  const read = readAmount(text);
  return 'value' in read && read.value > 0 ? read.value : null;
};

/**
 * Checks a draft and builds the target, or says what is wrong field by field. Numbers are read by
 * core/form-number.ts: separators people type ("300,000", "300 000"), a weight's decimal comma ("2,5");
 * what reads two ways is refused with that reason.
 */
export function parseTarget(
  draft: TargetDraft,
  shop: { site: string; store: string; currency?: string },
): { target: MonthTarget } | { errors: TargetErrors } {
  const errors: TargetErrors = {};
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(draft.month)) errors.month = 'target_errMonth';
  const amount = readAmount(draft.amount);
  if ('problem' in amount) errors.amount = numberProblemKey(amount.problem, 'target_errAmount');
  else if (amount.value <= 0) errors.amount = 'target_errAmount';
  let weights: number[] | undefined;
  if (draft.split === 'weekday') {
    const read = draft.weights.map(readWeight);
    const problem = read.find((w) => 'problem' in w || w.value < 0);
    weights = read.map((w) => ('value' in w ? w.value : NaN));
    if (read.length !== 7) errors.weights = 'target_errWeight';
    else if (problem)
      errors.weights = 'problem' in problem ? numberProblemKey(problem.problem, 'target_errWeight') : 'target_errWeight';
    else if (weights.every((w) => w === 0)) errors.weights = 'target_errWeightsZero';
  }
  let ceiling: number | undefined;
  if (draft.ceiling?.trim()) {
    const read = readFormNumber(draft.ceiling);
    // A percentage above 0 and at most 1000 (the schema's 10 as a fraction).
    if ('value' in read && read.value > 0 && read.value <= 1000) ceiling = read.value / 100;
    else errors.ceiling = 'spend_errCeiling';
  }
  let plan: Record<string, number> | undefined;
  if (draft.split === 'plan' && !errors.month && 'value' in amount && amount.value > 0) {
    const built = buildPlan(draft.month, amount.value, draft.plan ?? []);
    if ('problems' in built) errors.plan = built.problems;
    else plan = built.plan;
  }
  if (Object.keys(errors).length > 0 || !('value' in amount)) return { errors };
  return {
    target: {
      site: shop.site,
      store: shop.store,
      month: draft.month,
      amount: amount.value,
      ...(shop.currency ? { currency: shop.currency } : {}),
      split: draft.split,
      ...(draft.split === 'weekday' ? { weekdayWeights: weights } : {}),
      ...(plan ? { plan } : {}),
      ...(ceiling !== undefined ? { spendRatioCeiling: ceiling } : {}),
    },
  };
}

const validWeight = (text: string | undefined) => {
  const w = readWeight(text);
  return 'value' in w && w.value >= 0;
};

/** Monday … Sunday in the operator's language ("周一", "Mon"), from a known Monday. */
function weekdayNames(locale: Locale): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(Date.UTC(2024, 0, 1 + i)));
}

/** The inline form that sets a shop's monthly sales target and how it splits into days. */
export function TargetForm({
  shop,
  month,
  current,
  t,
  locale,
  onSave,
  onDone,
}: {
  shop: { site: string; store: string; currency?: string };
  month: IsoMonth;
  current: MonthTarget | null;
  t: PopupTranslate;
  locale: Locale;
  onSave: (target: MonthTarget) => Promise<unknown>;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState<TargetDraft>(() => ({
    month: current?.month ?? month,
    amount: current ? formatFormNumber(current.amount) : '',
    split: current?.split ?? 'even',
    weights: current?.weekdayWeights?.map(formatFormNumber) ?? EVEN_WEIGHTS,
    plan: planTexts(current),
    ceiling: current?.spendRatioCeiling ? formatFormNumber(Math.round(current.spendRatioCeiling * 10000) / 100) : '',
  }));
  const [errors, setErrors] = useState<TargetErrors>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = `target-${shop.site}-${shop.store}`.replace(/[^\w-]/g, '_');
  const set = (patch: Partial<TargetDraft>) => setDraft({ ...draft, ...patch });

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseTarget(draft, shop);
    if ('errors' in parsed) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    setSaving(true);
    onSave(parsed.target).then(
      () => {
        setSaving(false);
        onDone();
      },
      (e: unknown) => {
        setSaving(false);
        setSaveError(t('target_errSave', { error: errorText(e) }));
      },
    );
  };

  const names = weekdayNames(locale);
  return (
    <form class="target-form" onSubmit={submit} noValidate data-testid="target-form">
      <div class="target-field-row">
        <label>
          <span>{t('target_month')}</span>
          <input
            type="month"
            class="popup-field"
            value={draft.month}
            aria-invalid={errors.month ? true : undefined}
            aria-describedby={errors.month ? `${id}-month-error` : undefined}
            onInput={(e) => set({ month: e.currentTarget.value })}
          />
        </label>
        <label class="target-grow">
          <span>
            {t('target_amount')}
            {shop.currency ? ` (${shop.currency})` : ''}
          </span>
          <input
            type="text"
            class="popup-field"
            inputMode="decimal"
            name="amount"
            value={draft.amount}
            aria-invalid={errors.amount ? true : undefined}
            aria-describedby={errors.amount ? `${id}-amount-error` : undefined}
            onInput={(e) => set({ amount: e.currentTarget.value })}
          />
        </label>
      </div>
      {errors.month && (
        <p class="target-field-error" id={`${id}-month-error`}>
          {t(errors.month)}
        </p>
      )}
      {errors.amount && (
        <p class="target-field-error" id={`${id}-amount-error`}>
          {t(errors.amount)}
        </p>
      )}
      <label class="target-grow">
        <span>{t('spend_ceiling')}</span>
        <input
          type="text"
          class="popup-field"
          inputMode="decimal"
          name="spendRatioCeiling"
          value={draft.ceiling ?? ''}
          aria-invalid={errors.ceiling ? true : undefined}
          aria-describedby={errors.ceiling ? `${id}-ceiling-error` : undefined}
          onInput={(e) => set({ ceiling: e.currentTarget.value })}
        />
      </label>
      {errors.ceiling && (
        <p class="target-field-error" id={`${id}-ceiling-error`}>
          {t(errors.ceiling)}
        </p>
      )}
      <fieldset class="split">
        <legend>{t('target_split')}</legend>
        {(['even', 'weekday', 'plan'] as const).map((mode) => (
          <label key={mode} class="target-radio">
            <input
              type="radio"
              name={`${id}-split`}
              value={mode}
              checked={draft.split === mode}
              onChange={() => set({ split: mode })}
            />
            {t(mode === 'even' ? 'target_splitEven' : mode === 'weekday' ? 'target_splitWeekday' : 'target_splitPlan')}
          </label>
        ))}
      </fieldset>
      {draft.split === 'weekday' && (
        <fieldset class="target-weights" aria-describedby={errors.weights ? `${id}-weights-error` : undefined}>
          <legend>{t('target_weights')}</legend>
          {names.map((name, i) => (
            <label key={name}>
              <span>{name}</span>
              <input
                type="text"
                class="popup-field"
                inputMode="decimal"
                value={draft.weights[i]}
                aria-invalid={
                  errors.weights === 'target_errWeightsZero' || (errors.weights && !validWeight(draft.weights[i]))
                    ? true
                    : undefined
                }
                onInput={(e) => set({ weights: draft.weights.map((w, j) => (j === i ? e.currentTarget.value : w)) })}
              />
            </label>
          ))}
        </fieldset>
      )}
      {draft.split === 'plan' && (
        <PlanDays
          month={draft.month}
          amount={amountValue(draft.amount)}
          days={draft.plan ?? EMPTY_PLAN}
          problems={errors.plan ?? []}
          {...(shop.currency ? { currency: shop.currency } : {})}
          t={t}
          locale={locale}
          onChange={(plan) => set({ plan })}
        />
      )}
      {errors.weights && (
        <p class="target-field-error" id={`${id}-weights-error`}>
          {t(errors.weights)}
        </p>
      )}
      {saveError && (
        <p class="target-field-error" role="alert">
          {saveError}
        </p>
      )}
      <div class="target-form-actions">
        <button type="submit" class="popup-primary" disabled={saving}>
          {t('target_save')}
        </button>
        <button type="button" class="popup-act" onClick={onDone}>
          {t('target_cancel')}
        </button>
      </div>
    </form>
  );
}
