import './EventDays.css';
import { useState } from 'preact/hooks';
import { eventDayProblem, MAX_EVENT_DAYS, MAX_EVENT_NAME, type EventDay, type EventDayProblem } from '@/core/event-days';
import type { Translate } from '@/core/i18n';
import type { PaceKey } from '@/core/strings/pace';

function problemText(t: Translate<PaceKey>, p: EventDayProblem): string {
  switch (p.kind) {
    case 'date':
      return t('pace_eventsBadDate', { value: p.value || '—' });
    case 'name':
      return t('pace_eventsBadName', { max: MAX_EVENT_NAME });
    case 'lastYear':
      return t('pace_eventsBadLastYear', { value: p.value || '—' });
    case 'duplicate':
      return t('pace_eventsDuplicate', { value: p.value });
    case 'tooMany':
      return t('pace_eventsTooMany', { max: MAX_EVENT_DAYS });
  }
}

const EMPTY = { date: '', name: '', lastYear: '' };

/**
 * The options page's event days (大促): the days today's pace judges against last year's same event day.
 * A day that does not hold is refused with the reason, and what was typed stays in the fields.
 */
export function EventDaysPanel({
  days = [],
  t,
  onChange,
}: {
  days: readonly EventDay[] | undefined;
  t: Translate<PaceKey>;
  onChange: (days: EventDay[]) => void;
}) {
  const [draft, setDraft] = useState(EMPTY);
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const day: EventDay = { date: draft.date.trim(), name: draft.name.trim() };
    if (draft.lastYear.trim()) day.lastYear = draft.lastYear.trim();
    const found = eventDayProblem(day, days);
    if (found) {
      setProblem(problemText(t, found));
      return;
    }
    setProblem(null);
    setDraft(EMPTY);
    onChange([...days, day].sort((a, b) => a.date.localeCompare(b.date)));
  };
  const field = (key: keyof typeof EMPTY, type: string, label: string) => (
    <label>
      {label}{' '}
      <input
        type={type}
        data-testid={`events-${key}`}
        value={draft[key]}
        maxLength={key === 'name' ? MAX_EVENT_NAME : undefined}
        onInput={(e) => setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement).value })}
      />
    </label>
  );
  return (
    <section class="options-panel events" aria-labelledby="events-title" data-testid="event-days">
      <h2 id="events-title">{t('pace_eventsTitle')}</h2>
      <p class="events-help">{t('pace_eventsHelp')}</p>
      {days.length ? (
        <ul class="events-list">
          {days.map((d) => (
            <li key={d.date} data-testid="events-day">
              <span class="events-date">{d.date}</span> {d.name}
              {d.lastYear && <span class="events-muted"> ← {d.lastYear}</span>}{' '}
              <button type="button" onClick={() => onChange(days.filter((o) => o.date !== d.date))}>
                {t('pace_eventsRemove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="events-muted">{t('pace_eventsEmpty')}</p>
      )}
      <form
        class="events-row"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        {field('date', 'date', t('pace_eventsDate'))}
        {field('name', 'text', t('pace_eventsName'))}
        {field('lastYear', 'date', t('pace_eventsLastYear'))}
        <button type="submit" data-testid="events-add">
          {t('pace_eventsAdd')}
        </button>
      </form>
      {problem && (
        <p class="events-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
