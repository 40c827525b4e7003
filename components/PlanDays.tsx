import './PlanDays.css';
import { useState } from 'preact/hooks';
import { formatValue } from '@/core/format';
import type { Locale } from '@/core/i18n';
import { readFormNumber } from '@/core/form-number';
import { daysInMonth, isIsoMonth, weekdayIndex } from '@/core/review/dates';
import { readPastedColumn, type PlanInputProblem } from '@/core/review/plan-input';
import type { PopupTranslate } from '@/core/strings/popup';

/** One problem of the plan in the operator's words. */
export function planProblemText(p: PlanInputProblem, t: PopupTranslate, money: (v: number) => string): string {
  switch (p.code) {
    case 'amount':
      return t(p.reason === 'ambiguous' ? 'plan_errAmbiguous' : p.reason === 'negative' ? 'plan_errNegative' : 'plan_errAmount', {
        day: p.day,
        text: p.text,
      });
    case 'line':
      return t('plan_errLine', { line: p.line, text: p.text });
    case 'tooManyLines':
      return t('plan_errTooMany', { lines: p.lines, days: p.days });
    case 'dayOutsideMonth':
      return t('plan_errOutside', { day: p.day });
    case 'overTarget':
      return t('plan_errOver', { planned: money(p.planned), amount: money(p.amount) });
    case 'totalDiffers':
      return t('plan_errTotal', { planned: money(p.planned), amount: money(p.amount) });
  }
}

/**
 * The days of the month as a calendar of amount fields, a box to paste a column into, and a running
 * line of what is set and what the empty days will share. A paste that cannot be read fills nothing.
 */
export function PlanDays({
  month,
  amount,
  days,
  problems,
  currency,
  t,
  locale,
  onChange,
}: {
  month: string;
  /** The month's target as typed, when it reads. */
  amount: number | null;
  /** Index 0 = day 1; 31 entries. */
  days: string[];
  problems: PlanInputProblem[];
  currency?: string;
  t: PopupTranslate;
  locale: Locale;
  onChange: (days: string[]) => void;
}) {
  const [paste, setPaste] = useState('');
  const [pasteProblems, setPasteProblems] = useState<PlanInputProblem[]>([]);
  const money = (v: number) => formatValue('sales', v, locale, currency);
  if (!isIsoMonth(month)) return null;
  const length = daysInMonth(month);
  const lead = weekdayIndex(`${month}-01`);
  const badDays = new Set(problems.flatMap((p) => (p.code === 'amount' || p.code === 'dayOutsideMonth' ? [p.day] : [])));

  const set = days.slice(0, length).flatMap((text) => {
    const r = text.trim() ? readFormNumber(text, { amount: true }) : null;
    return r && 'value' in r ? [r.value] : [];
  });
  const planned = set.reduce((a, b) => a + b, 0);
  const rest = length - days.slice(0, length).filter((d) => d.trim()).length;
  const summary =
    amount === null
      ? null
      : rest === 0
        ? t('plan_summaryAll', { planned: money(planned), amount: money(amount) })
        : t('plan_summary', {
            planned: money(planned),
            days: set.length,
            rest,
            left: money(Math.max(0, amount - planned)),
            each: money(Math.max(0, amount - planned) / rest),
          });

  const readPaste = () => {
    const read = readPastedColumn(paste, month, days);
    if ('problems' in read) return setPasteProblems(read.problems);
    setPasteProblems([]);
    setPaste('');
    onChange(read.days);
  };

  return (
    <fieldset class="plan" data-testid="plan-days">
      <legend>{t('plan_title')}</legend>
      <p class="plan-help">{t('plan_help')}</p>
      <div class="plan-grid">
        {Array.from({ length: lead }, (_, i) => (
          <span key={`lead-${i}`} aria-hidden="true" />
        ))}
        {Array.from({ length }, (_, i) => (
          <label key={i} class="plan-day">
            <span>{i + 1}</span>
            <input
              type="text"
              inputMode="decimal"
              class="popup-field"
              data-day={i + 1}
              aria-label={t('plan_day', { day: i + 1 })}
              value={days[i]}
              aria-invalid={badDays.has(i + 1) ? true : undefined}
              onInput={(e) => onChange(days.map((d, j) => (j === i ? e.currentTarget.value : d)))}
            />
          </label>
        ))}
      </div>
      {summary && (
        <p class="plan-summary" data-testid="plan-summary">
          {summary}
        </p>
      )}
      {problems.length > 0 && (
        <ul class="plan-errors" role="alert">
          {problems.map((p, i) => (
            <li key={i}>{planProblemText(p, t, money)}</li>
          ))}
        </ul>
      )}
      <details class="plan-paste">
        <summary>{t('plan_paste')}</summary>
        <p class="plan-help">{t('plan_pasteHelp')}</p>
        <textarea
          class="popup-field"
          rows={4}
          aria-label={t('plan_paste')}
          value={paste}
          onInput={(e) => setPaste(e.currentTarget.value)}
        />
        <div class="plan-actions">
          <button type="button" class="popup-act" data-testid="plan-fill" onClick={readPaste}>
            {t('plan_paste')}
          </button>
          <button type="button" class="popup-act" onClick={() => onChange(days.map(() => ''))}>
            {t('plan_clear')}
          </button>
        </div>
        {pasteProblems.length > 0 && (
          <ul class="plan-errors" role="alert">
            {pasteProblems.map((p, i) => (
              <li key={i}>{planProblemText(p, t, money)}</li>
            ))}
          </ul>
        )}
      </details>
    </fieldset>
  );
}
