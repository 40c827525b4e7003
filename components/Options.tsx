import './Options.css';
import { useEffect, useState } from 'preact/hooks';
import { formatFormNumber, readFormNumber } from '@/core/form-number';
import { LOCALES, metricName, pickLocale, translator, type Locale } from '@/core/i18n';
import { OPTIONS_SCREEN, type OptionsTranslate } from '@/core/strings/options';
import { metricDef } from '@/core/metrics';
import {
  decideReturning,
  isWellOrdered,
  returningLines,
  PROFILE_IDS,
  PROFILES,
  profileForSite,
  type ProfileId,
  type RuleOverride,
  type ThresholdRule,
} from '@/core/rules';
import { shopKey } from '@/core/keys';
import type { ProtocolMap } from '@/core/messages';
import { repairSettings, type Repaired, type Settings } from '@/core/settings';
import { ReviewAlertSwitches } from './ReviewAlertSwitches';
import { CustomRules } from './CustomRules';
import { DataPanel, type Transfer } from './DataPanel';
import { EventDaysPanel } from './EventDays';
import { PaceChecksPanel } from './PaceChecks';
import { Peers } from './Peers';
import { SheetImport } from './SheetImport';
import { AdsLinksPanel, SpendRulesPanel } from './Spend';
import { isAdsSite } from '@/core/ads-links';
import { ReturningNote } from './ReturningNote';
import { SyncStatus, type SyncView } from './SyncStatus';
import type { SyncMode } from '@/core/settings-sync';
import { errorText, numberProblemKey } from './util';

export interface OptionsProps {
  load: () => Promise<Repaired>;
  save: (settings: Settings) => Promise<void>;
  shops: () => Promise<ShopsReply>;
  transfer: Omit<Transfer, 'applySettings'>;
  /** Asks the browser for the notifications permission; must run inside the operator's click. */
  requestNotifications: () => Promise<boolean>;
  /** The browser sync's last outcome, and a way to hear when it changes (components/SyncStatus.tsx). */
  sync?: {
    load: () => Promise<SyncView>;
    watch: (changed: () => void) => () => void;
    choose: (optIn: boolean) => Promise<SyncMode>;
  };
}

type ShopsReply = ProtocolMap['shops']['reply'];

/** The shops read, without the ads accounts (listed under "Ads accounts"). */
const shopsOnly = (shops: ShopsReply['shops']) => shops.filter((s) => !isAdsSite(s.site));

const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export function Options({ load, save, shops, transfer, requestNotifications, sync }: OptionsProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [known, setKnown] = useState<ShopsReply | null>(null);
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  useEffect(() => {
    load().then(
      (r) => {
        // Every ads account is listed here: the popup's link prompt, put off, asks again from now on.
        const { adsPromptLater, ...rest } = r.settings;
        setSettings(rest);
        setNotes(r.notes);
        if (adsPromptLater) save(rest).catch((e: unknown) => setStatus({ kind: 'error', text: errorText(e) }));
      },
      (e: unknown) => setStatus({ kind: 'error', text: String(e) }),
    );
    shops().then(setKnown, () => setKnown({ shops: [], totalReadings: 0 }));
  }, [load, shops]);

  const locale: Locale = !settings || settings.language === 'auto' ? pickLocale() : settings.language;
  const t = translator(locale, OPTIONS_SCREEN);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t('options_title');
  }, [locale]);

  if (!settings) return <main class="options">{status && <p class="options-error">{status.text}</p>}</main>;

  const commit = (next: Settings) => {
    setSettings(next);
    save(next).then(
      // Said in the language on screen when it shows, so switching the language changes "Saved" too.
      () => setStatus({ kind: 'saved', text: '' }),
      (e: unknown) => setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
    );
  };

  return (
    <main class="options">
      <header class="options-top">
        <h1>{t('options_title')}</h1>
        <span class={`options-status ${status?.kind ?? ''}`} role="status" aria-live="polite" data-testid="status">
          {status?.kind === 'saved' ? t('options_saved') : (status?.text ?? '')}
        </span>
      </header>
      {notes.length > 0 && (
        <section class="options-notes" role="alert">
          <p>{t('options_repairNotes')}</p>
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </section>
      )}

      <section class="options-panel">
        <h2>{t('options_language')}</h2>
        <select
          data-testid="language"
          value={settings.language}
          onChange={(e) =>
            commit({ ...settings, language: (e.currentTarget as HTMLSelectElement).value as Settings['language'] })
          }
        >
          <option value="auto">{t('options_languageAuto')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </select>
      </section>

      <section class="options-panel">
        <h2>{t('options_rules')}</h2>
        <p class="options-help">{t('options_rulesHelp')}</p>
        {PROFILE_IDS.map((p) => (
          <ProfileRules key={p} profile={p} settings={settings} t={t} onChange={commit} />
        ))}
      </section>

      <ReviewAlertSwitches settings={settings} t={t} onChange={commit} />

      <SpendRulesPanel settings={settings} t={t} onChange={commit} />

      <AdsLinksPanel
        links={settings.adsLinks ?? []}
        shops={known?.shops ?? []}
        t={t}
        onChange={(adsLinks) => commit({ ...settings, adsLinks })}
      />

      <CustomRules
        rules={settings.customRules}
        shops={known?.shops ?? []}
        t={t}
        onChange={(customRules) => commit({ ...settings, customRules })}
        requestNotifications={requestNotifications}
      />

      <EventDaysPanel days={settings.eventDays} t={t} onChange={(eventDays) => commit({ ...settings, eventDays })} />

      <section class="options-panel" aria-labelledby="quiet-title">
        <h2 id="quiet-title">{t('quiet_title')}</h2>
        <p class="options-help">{t('quiet_help')}</p>
        <div class="options-quiet">
          <label>
            <input
              type="checkbox"
              data-testid="quiet-enabled"
              checked={settings.quietHours.enabled}
              onChange={(e) =>
                commit({
                  ...settings,
                  quietHours: { ...settings.quietHours, enabled: (e.currentTarget as HTMLInputElement).checked },
                })
              }
            />{' '}
            {t('quiet_enabled')}
          </label>
          {(['from', 'to'] as const).map((field) => (
            <label key={field}>
              {t(field === 'from' ? 'quiet_from' : 'quiet_to')}{' '}
              <input
                type="time"
                required
                value={settings.quietHours[field]}
                onChange={(e) => {
                  const v = (e.currentTarget as HTMLInputElement).value;
                  // A cleared time field reads as ''; keep the last good time rather than save a broken one.
                  if (v) commit({ ...settings, quietHours: { ...settings.quietHours, [field]: v } });
                }}
              />
            </label>
          ))}
        </div>
      </section>

      <PaceChecksPanel
        checks={settings.paceChecks}
        t={t}
        onChange={(paceChecks) => commit({ ...settings, paceChecks })}
        requestNotifications={requestNotifications}
      />

      <section class="options-panel">
        <h2>{t('options_shops')}</h2>
        {!known || !shopsOnly(known.shops).length ? (
          <p class="options-help">{t('options_shopsEmpty')}</p>
        ) : (
          <table class="options-shops">
            <tbody>
              {shopsOnly(known.shops).map(({ site, store }) => {
                const key = shopKey(site, store);
                const shop = settings.shops[key] ?? {};
                const update = (change: Partial<typeof shop>) =>
                  commit({ ...settings, shops: { ...settings.shops, [key]: { ...shop, ...change } } });
                const returning = decideReturning(shop.returningHeavy, known.returning?.[key] ?? { share: null, days: 0 });
                return (
                  <tr key={key} data-shop={key}>
                    <th scope="row">
                      {store} <small>{t(`site_${site}` as never)}</small>
                    </th>
                    <td>
                      <label>
                        {t('options_shopProfile')}{' '}
                        <select
                          value={shop.profile ?? profileForSite(site)}
                          onChange={(e) => update({ profile: (e.currentTarget as HTMLSelectElement).value as ProfileId })}
                        >
                          {PROFILE_IDS.map((p) => (
                            <option key={p} value={p}>
                              {t(`options_profile_${p}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                    </td>
                    <td>
                      <label title={t('options_returningHeavyHelp')}>
                        {t('retn_label')}{' '}
                        <select
                          data-testid={`returning-${key}`}
                          value={shop.returningHeavy === undefined ? 'auto' : shop.returningHeavy ? 'on' : 'off'}
                          onChange={(e) => {
                            const v = (e.currentTarget as HTMLSelectElement).value;
                            const { returningHeavy: _, ...rest } = shop;
                            commit({
                              ...settings,
                              shops: { ...settings.shops, [key]: v === 'auto' ? rest : { ...rest, returningHeavy: v === 'on' } },
                            });
                          }}
                        >
                          <option value="auto">{t('retn_auto')}</option>
                          <option value="on">{t('retn_on')}</option>
                          <option value="off">{t('retn_off')}</option>
                        </select>
                      </label>
                      <div class="options-help options-small">{t('options_returningHeavyHelp')}</div>
                      <ReturningNote
                        decision={returning}
                        rules={returningLines(settings, site, store, returning.heavy)}
                        t={t}
                        locale={locale}
                      />
                      <Peers shop={key} peers={shop.peers ?? []} t={t} onChange={(peers) => update({ peers })} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>

      {sync && <SyncStatus load={sync.load} watch={sync.watch} choose={sync.choose} t={t} locale={locale} />}

      <DataPanel
        t={t}
        totalReadings={known?.totalReadings ?? 0}
        transfer={{
          ...transfer,
          importData: async (file, progress) => {
            const report = await transfer.importData(file, progress);
            shops().then(setKnown, () => undefined);
            return report;
          },
          applySettings: async (raw) => {
            const repaired = repairSettings(raw);
            await save(repaired.settings);
            setSettings(repaired.settings);
            return repaired.notes;
          },
        }}
      />
      <SheetImport
        locale={locale}
        shops={known?.shops ?? []}
        importFile={async (file, progress) => {
          const report = await transfer.importData(file, progress);
          shops().then(setKnown, () => undefined);
          return report;
        }}
        exportJson={async () => (await transfer.exportData('json', () => undefined)).blob}
      />
    </main>
  );
}

function ProfileRules({
  profile,
  settings,
  t,
  onChange,
}: {
  profile: ProfileId;
  settings: Settings;
  t: OptionsTranslate;
  onChange: (s: Settings) => void;
}) {
  const overrides = settings.rules[profile] ?? {};
  const setOverride = (ruleId: string, o: RuleOverride | null) => {
    const nextProfile = { ...overrides };
    if (o && Object.keys(o).length) nextProfile[ruleId] = o;
    else delete nextProfile[ruleId];
    const rules = { ...settings.rules, [profile]: nextProfile };
    if (Object.keys(nextProfile).length === 0) delete rules[profile];
    onChange({ ...settings, rules });
  };
  return (
    <div class="options-profile" data-profile={profile}>
      <h3>
        {t(`options_profile_${profile}`)}
        {Object.keys(overrides).length > 0 && (
          <button
            type="button"
            class="options-link"
            onClick={() => onChange({ ...settings, rules: omit(settings.rules, profile) })}
          >
            {t('options_reset')}
          </button>
        )}
      </h3>
      <table class="options-rules">
        <thead>
          <tr>
            <th />
            <th>{t('options_enabled')}</th>
            <th>{t('options_warn')}</th>
            <th>{t('options_critical')}</th>
          </tr>
        </thead>
        <tbody>
          {PROFILES[profile].rules.map((rule) => (
            <RuleRow
              key={rule.id}
              profile={profile}
              rule={rule}
              override={overrides[rule.id] ?? {}}
              t={t}
              onChange={(o) => setOverride(rule.id, o)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RuleRow({
  profile,
  rule,
  override,
  t,
  onChange,
}: {
  profile: ProfileId;
  rule: ThresholdRule;
  override: RuleOverride;
  t: OptionsTranslate;
  onChange: (o: RuleOverride) => void;
}) {
  const unit = metricDef(rule.metric).unit;
  const percent = unit === 'rate';
  const shape = { percent, amount: unit === 'count' || unit === 'money' };
  const shown = (v: number) => formatFormNumber(percent ? Math.round(v * 10000) / 100 : v);
  const [draft, setDraft] = useState({
    warn: shown(override.warn ?? rule.warn),
    critical: shown(override.critical ?? rule.critical),
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(
    () => setDraft({ warn: shown(override.warn ?? rule.warn), critical: shown(override.critical ?? rule.critical) }),
    [override.warn, override.critical],
  );

  const apply = (field: 'warn' | 'critical', text: string) => {
    const next = { ...draft, [field]: text };
    setDraft(next);
    const typed = [readFormNumber(next.warn, shape), readFormNumber(next.critical, shape)] as const;
    const problem = typed.find((n) => 'problem' in n || n.value < 0);
    if (problem) {
      setError(t('problem' in problem ? numberProblemKey(problem.problem, 'options_invalidNumber') : 'options_invalidNumber'));
      return;
    }
    const [warn, critical] = typed.map((n) => ('value' in n ? n.value : NaN)) as [number, number];
    const lines = { warn: percent ? warn / 100 : warn, critical: percent ? critical / 100 : critical };
    if (!isWellOrdered({ direction: rule.direction, ...lines })) {
      setError(t('options_invalidOrder'));
      return;
    }
    setError(null);
    const o: RuleOverride = { ...override };
    for (const f of ['warn', 'critical'] as const) {
      const v = Math.round(lines[f] * 1e6) / 1e6;
      if (v === rule[f]) delete o[f];
      else o[f] = v;
    }
    onChange(o);
  };

  const id = `rule-${profile}-${rule.id}`;
  const name = t(rule.direction === 'above' ? 'options_ruleAbove' : 'options_ruleBelow', { metric: metricName(t, rule.metric) });
  return (
    <tr class={error ? 'options-invalid' : ''}>
      <th scope="row">
        {name}
        {error && (
          <div class="options-error options-small" role="alert">
            {error}
          </div>
        )}
      </th>
      <td>
        <input
          type="checkbox"
          aria-label={`${name}: ${t('options_enabled')}`}
          data-testid={`${id}-enabled`}
          checked={override.enabled !== false}
          onChange={(e) => {
            const o = { ...override };
            if ((e.currentTarget as HTMLInputElement).checked) delete o.enabled;
            else o.enabled = false;
            onChange(o);
          }}
        />
      </td>
      {(['warn', 'critical'] as const).map((field) => (
        <td key={field}>
          <input
            class="options-num"
            inputMode="decimal"
            aria-label={`${name}: ${t(field === 'warn' ? 'options_warn' : 'options_critical')}`}
            data-testid={`${id}-${field}`}
            value={draft[field]}
            onInput={(e) => apply(field, (e.currentTarget as HTMLInputElement).value)}
          />
          {percent && <span class="options-unit">%</span>}
        </td>
      ))}
    </tr>
  );
}

function omit<T extends object, K extends keyof T>(obj: T, key: K): T {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}
