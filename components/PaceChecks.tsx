import './PaceChecks.css';
import { useState } from 'preact/hooks';
import type { Translate } from '@/core/i18n';
import { DEFAULT_PACE_CHECKS, isClock, MAX_CHECK_TIMES, type PaceChecks } from '@/core/pace-checks';
import type { PaceKey } from '@/core/strings/pace';

const MARGINS = [0, 0.05, 0.1, 0.2, 0.3];

/**
 * The options page's decision times: when today's pace is checked against the daily target, by how
 * much it may miss, and whether to notify (the notifications permission is asked for in the click).
 */
export function PaceChecksPanel({
  checks = DEFAULT_PACE_CHECKS,
  t,
  onChange,
  requestNotifications,
}: {
  checks: PaceChecks | undefined;
  t: Translate<PaceKey>;
  onChange: (checks: PaceChecks) => void;
  requestNotifications: () => Promise<boolean>;
}) {
  const [draft, setDraft] = useState(checks.times.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  const saveTimes = (text: string) => {
    const times = text
      .split(/[,，、\s]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = times.find((s) => !isClock(s));
    if (bad !== undefined || times.length > MAX_CHECK_TIMES) {
      setProblem(t('pace_checksBadTime', { time: bad ?? times.slice(MAX_CHECK_TIMES).join(', ') }));
      return;
    }
    setProblem(null);
    onChange({ ...checks, times: [...new Set(times)].sort() });
  };
  return (
    <section class="options-panel checks" aria-labelledby="checks-title" data-testid="pace-checks">
      <h2 id="checks-title">{t('pace_checksTitle')}</h2>
      <p class="checks-help">{t('pace_checksHelp')}</p>
      <div class="checks-row">
        <label>
          <input
            type="checkbox"
            data-testid="pace-checks-enabled"
            checked={checks.enabled}
            onChange={async (e) => {
              const box = e.currentTarget as HTMLInputElement;
              const enabled = box.checked;
              // Asked inside the operator's click; refused, the checks stay off (and the box says so).
              if (enabled && !(await requestNotifications().catch(() => false))) {
                box.checked = false;
                return;
              }
              onChange({ ...checks, enabled });
            }}
          />{' '}
          {t('pace_checksOn')}
        </label>
        <label>
          {t('pace_checksTimes')}{' '}
          <input
            type="text"
            data-testid="pace-checks-times"
            value={draft}
            aria-invalid={problem !== null}
            onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
            onChange={(e) => saveTimes((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('pace_checksMargin')}{' '}
          <select
            data-testid="pace-checks-margin"
            value={String(checks.margin)}
            onChange={(e) => onChange({ ...checks, margin: Number((e.currentTarget as HTMLSelectElement).value) })}
          >
            {[...new Set([...MARGINS, checks.margin])]
              .sort((a, b) => a - b)
              .map((m) => (
                <option key={m} value={String(m)}>
                  {`${Math.round(m * 100)}%`}
                </option>
              ))}
          </select>
        </label>
      </div>
      {problem && (
        <p class="checks-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
