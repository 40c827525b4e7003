import { describe, expect, it } from 'vitest';
import { eventDayProblem, eventOn, MAX_EVENT_DAYS, repairEventDays, yearBefore } from '@/core/event-days';
import { repairSettings, SETTINGS_VERSION } from '@/core/settings';

describe('event days', () => {
  it('refuses a day that does not hold, saying which part', () => {
    const kept = [{ date: '2026-11-11', name: '双11' }];
    expect(eventDayProblem({ date: '2026-06-18', name: '618' }, kept)).toBeNull();
    expect(eventDayProblem({ date: '2026-13-01', name: '618' })).toEqual({ kind: 'date', value: '2026-13-01' });
    expect(eventDayProblem({ date: '11/11', name: '双11' })).toEqual({ kind: 'date', value: '11/11' });
    expect(eventDayProblem({ date: '2026-06-18', name: '  ' })).toEqual({ kind: 'name' });
    expect(eventDayProblem({ date: '2026-06-18', name: 'x'.repeat(21) })).toEqual({ kind: 'name' });
    // Last year's day must come before the event day.
    expect(eventDayProblem({ date: '2026-06-18', name: '618', lastYear: '2026-06-18' })).toEqual({
      kind: 'lastYear',
      value: '2026-06-18',
    });
    expect(eventDayProblem({ date: '2026-06-18', name: '618', lastYear: 'last year' })).toEqual({
      kind: 'lastYear',
      value: 'last year',
    });
    expect(eventDayProblem({ date: '2026-11-11', name: '又一个' }, kept)).toEqual({ kind: 'duplicate', value: '2026-11-11' });
    const full = Array.from({ length: MAX_EVENT_DAYS }, (_, i) => ({
      date: `2027-01-${String(i + 1).padStart(2, '0')}`,
      name: 'x',
    }));
    expect(eventDayProblem({ date: '2028-01-01', name: 'y' }, full)).toEqual({ kind: 'tooMany' });
  });

  it('reads last year’s same day a year back (29 February to the 28th), and finds the day marked on a date', () => {
    expect(yearBefore('2026-11-11')).toBe('2025-11-11');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
    const days = [{ date: '2026-11-11', name: '双11' }];
    expect(eventOn(days, '2026-11-11')?.name).toBe('双11');
    expect(eventOn(days, '2026-11-12')).toBeUndefined();
    expect(eventOn(undefined, '2026-11-11')).toBeUndefined();
  });

  it('repairs stored event days: keeps the good ones in date order, drops the rest with a note each', () => {
    const notes: string[] = [];
    const kept = repairEventDays(
      [
        { date: '2026-11-11', name: ' 双11 ', lastYear: '2025-11-11' },
        { date: '2026-06-18', name: '618' },
        { date: '2026-06-18', name: '又一个618' },
        { date: 'soon', name: '店庆' },
        { date: '2026-09-09', name: '店庆', lastYear: 20250909 },
        'not a day',
      ],
      notes,
    );
    expect(kept).toEqual([
      { date: '2026-06-18', name: '618' },
      { date: '2026-11-11', name: '双11', lastYear: '2025-11-11' },
    ]);
    expect(notes).toHaveLength(4);
    expect(notes[0]).toContain('eventDays[2]');
    expect(notes[0]).toContain('duplicate');
  });

  it('is optional in the settings: absent stays absent, a broken field becomes an empty list with a note', () => {
    expect(repairSettings({ version: 1 }).settings.eventDays).toBeUndefined();
    const broken = repairSettings({ eventDays: 'Nov 11' });
    expect(broken.settings.eventDays).toEqual([]);
    expect(broken.notes).toContain('eventDays: not a list; no event days');
    const good = repairSettings({ version: SETTINGS_VERSION, eventDays: [{ date: '2026-11-11', name: '双11' }] });
    expect(good.settings.eventDays).toEqual([{ date: '2026-11-11', name: '双11' }]);
    expect(good.notes).toEqual([]);
  });
});
