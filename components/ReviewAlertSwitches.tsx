import './ReviewAlertSwitches.css';
import { MIN_DROP_RANGE, reviewAlertChoices, type Settings } from '@/core/settings';
import type { OptionsTranslate } from '@/core/strings/options';

/** The review's own alerts switched on or off, and how far a factor must fall, in the options page. */
export function ReviewAlertSwitches({
  settings,
  t,
  onChange,
}: {
  settings: Settings;
  t: OptionsTranslate;
  onChange: (next: Settings) => void;
}) {
  const choices = reviewAlertChoices(settings);
  const set = (patch: Partial<NonNullable<Settings['reviewAlerts']>>) =>
    onChange({ ...settings, reviewAlerts: { ...settings.reviewAlerts, ...patch } });
  return (
    <section class="options-panel ralerts" aria-labelledby="ralerts-title">
      <h2 id="ralerts-title">{t('ralerts_title')}</h2>
      <p class="options-help">{t('ralerts_help', { days: choices.days })}</p>
      {(['targetMiss', 'factorDrop'] as const).map((field) => (
        <label class="ralerts-row" key={field}>
          <input
            type="checkbox"
            data-testid={field === 'targetMiss' ? 'ralerts-target' : 'ralerts-factor'}
            checked={choices[field]}
            onChange={(e) => set({ [field]: (e.currentTarget as HTMLInputElement).checked })}
          />
          {t(field === 'targetMiss' ? 'ralerts_target' : 'ralerts_factor')}
        </label>
      ))}
      <label class="ralerts-drop">
        {t('ralerts_minDrop')}
        <input
          type="number"
          data-testid="ralerts-minDrop"
          min={MIN_DROP_RANGE[0] * 100}
          max={MIN_DROP_RANGE[1] * 100}
          step={1}
          value={Math.round(choices.minDrop * 100)}
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLInputElement).value) / 100;
            // Out of range or not a number: the field shows the last good value again, nothing is saved.
            if (Number.isFinite(v) && v >= MIN_DROP_RANGE[0] && v <= MIN_DROP_RANGE[1]) set({ minDrop: v });
            else (e.currentTarget as HTMLInputElement).value = String(Math.round(choices.minDrop * 100));
          }}
        />
      </label>
    </section>
  );
}
