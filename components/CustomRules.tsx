import { useState } from 'preact/hooks';
import {
  BLANK_RULE,
  BREAKDOWN_KINDS,
  COMPARISONS,
  conditionProblem,
  isPercentValue,
  TEMPLATE_IDS,
  TEMPLATES,
  usesBaseline,
  type BreakdownKind,
  type Comparison,
  type Condition,
  type CustomRule,
  type FixId,
  type Severity,
  type TemplateId,
} from '@/core/rules';
import { FIXES } from '@/core/fixes';
import { metricName } from '@/core/i18n';
import type { UiKey, UiTranslate } from '@/core/i18n-ui';
import { METRIC_IDS, type MetricId } from '@/core/metrics';
import { shopKey } from '@/core/keys';

/**
 * The operator's own rules: a list (switch on/off, edit, delete) and one form, opened empty or from
 * a starter template. The form holds text as typed; a rule is built only when every field reads,
 * and each field that does not says why next to it.
 */

type Shop = { site: string; store: string };

export interface Draft {
  id: string;
  name: string;
  enabled: boolean;
  metric: MetricId;
  comparison: Comparison;
  value: string;
  severity: Severity;
  second: boolean;
  secondMetric: MetricId;
  secondComparison: Comparison;
  secondValue: string;
  breakdown: BreakdownKind | '';
  allShops: boolean;
  shops: string[];
  notify: boolean;
  fix: FixId;
}

type Field = 'name' | 'value' | 'secondValue' | 'shops';
type Errors = Partial<Record<Field, UiKey>>;

const FIX_IDS = Object.keys(FIXES) as FixId[];

/** Rates and percentage changes are typed as percents (20 for 20%), everything else as printed. */
function shown(c: Condition): string {
  return isPercentValue(c) ? String(Math.round(c.value * 1e6) / 1e4) : String(c.value);
}

function toDraft(rule: CustomRule): Draft {
  return {
    id: rule.id,
    name: rule.name,
    enabled: rule.enabled,
    metric: rule.metric,
    comparison: rule.comparison,
    value: shown(rule),
    severity: rule.severity,
    second: !!rule.and,
    secondMetric: rule.and?.metric ?? 'visitors',
    secondComparison: rule.and?.comparison ?? 'above',
    secondValue: rule.and ? shown(rule.and) : '',
    breakdown: rule.breakdown ?? '',
    allShops: rule.scope === 'all',
    shops: rule.scope === 'all' ? [] : rule.scope,
    notify: rule.notify,
    fix: rule.fix,
  };
}

function newId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const VALUE_ERROR: Record<Comparison, UiKey> = {
  above: 'rules_errValue',
  below: 'rules_errValue',
  dropVsBaseline: 'rules_errDrop',
  riseVsBaseline: 'rules_errRise',
  belowTarget: 'rules_errShare',
};

/** "1,000" and "12,345.6" group thousands; a lone comma elsewhere ("2,5") is a decimal comma. */
function typedNumber(text: string): number {
  const t = text.trim();
  return Number(/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replaceAll(',', '') : t.replace(',', '.'));
}

function readCondition(metric: MetricId, comparison: Comparison, text: string): Condition | UiKey {
  const typed = typedNumber(text);
  if (!text.trim() || !Number.isFinite(typed)) return VALUE_ERROR[comparison];
  const c: Condition = { metric, comparison, value: typed };
  if (isPercentValue(c)) c.value = Math.round((typed / 100) * 1e6) / 1e6;
  const problem = conditionProblem(c);
  if (problem === 'targetMetric') return 'rules_errTargetMetric';
  return problem ? VALUE_ERROR[comparison] : c;
}

/** The rule the draft describes, or what is wrong with each field. */
export function fromDraft(d: Draft, knownShops: readonly Shop[]): CustomRule | Errors {
  const errors: Errors = {};
  if (!d.name.trim()) errors.name = 'rules_errName';
  const first = readCondition(d.metric, d.comparison, d.value);
  if (typeof first === 'string') errors.value = first;
  const second = d.second ? readCondition(d.secondMetric, d.secondComparison, d.secondValue) : undefined;
  if (typeof second === 'string') errors.secondValue = second;
  if (!d.allShops && knownShops.length > 0 && d.shops.length === 0) errors.shops = 'rules_errScope';
  if (Object.keys(errors).length || typeof first === 'string' || typeof second === 'string') return errors;
  const rule: CustomRule = {
    id: d.id,
    name: d.name.trim().slice(0, 80),
    enabled: d.enabled,
    ...first,
    severity: d.severity,
    scope: d.allShops || knownShops.length === 0 ? 'all' : d.shops,
    notify: d.notify,
    fix: d.fix,
  };
  if (second) rule.and = second;
  if (d.breakdown) rule.breakdown = d.breakdown;
  return rule;
}

export function CustomRules({
  rules,
  shops,
  t,
  onChange,
  requestNotifications,
}: {
  rules: CustomRule[];
  shops: readonly Shop[];
  t: UiTranslate;
  onChange: (rules: CustomRule[]) => void;
  requestNotifications: () => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<string | null>(null);

  const open = (d: Draft) => {
    setDraft(d);
    setErrors({});
    setNotice(null);
  };
  const fromTemplate = (id: TemplateId) =>
    open(
      toDraft({
        ...TEMPLATES[id],
        id: newId(),
        name: t(`rules_template_${id}`),
        enabled: true,
        scope: 'all',
        notify: false,
      }),
    );
  const save = () => {
    if (!draft) return;
    const built = fromDraft(draft, shops);
    if (!('id' in built)) {
      setErrors(built);
      return;
    }
    const at = rules.findIndex((r) => r.id === built.id);
    onChange(at < 0 ? [...rules, built] : rules.map((r, i) => (i === at ? built : r)));
    setDraft(null);
  };
  const summary = (r: CustomRule) => {
    const part = (c: Condition) =>
      `${metricName(t, c.metric)} ${t(`rules_cmp_${c.comparison}`)} ${shown(c)}${isPercentValue(c) ? '%' : ''}`;
    const where = r.breakdown ? ` · ${t(`rules_breakdown_${r.breakdown}`)}` : '';
    return `${part(r)}${r.and ? ` + ${part(r.and)}` : ''}${where}`;
  };

  return (
    <section class="panel" aria-labelledby="custom-rules-title">
      <h2 id="custom-rules-title">{t('rules_title')}</h2>
      <p class="help">{t('rules_help')}</p>
      {rules.length === 0 ? (
        <p class="help" data-testid="rules-empty">
          {t('rules_empty')}
        </p>
      ) : (
        <ul class="custom-rules">
          {rules.map((r) => (
            <li key={r.id} data-rule={r.id} class={r.enabled ? '' : 'off'}>
              <input
                type="checkbox"
                aria-label={`${r.name}: ${t('options_enabled')}`}
                checked={r.enabled}
                onChange={(e) =>
                  onChange(
                    rules.map((x) => (x.id === r.id ? { ...x, enabled: (e.currentTarget as HTMLInputElement).checked } : x)),
                  )
                }
              />
              <div class="what">
                <strong>{r.name}</strong> <span class={`sev ${r.severity}`}>{t(`severity_${r.severity}`)}</span>
                {r.notify && <span class="bell" aria-label={t('rules_notify')} title={t('rules_notify')} />}
                <div class="help small">{summary(r)}</div>
              </div>
              <button type="button" class="link" onClick={() => open(toDraft(r))}>
                {t('rules_edit')}
              </button>
              <button
                type="button"
                class="link danger"
                onClick={() => {
                  if (confirm(t('rules_deleteConfirm', { name: r.name }))) onChange(rules.filter((x) => x.id !== r.id));
                }}
              >
                {t('rules_delete')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <div class="templates">
        <span>{t('rules_templates')}</span>
        {TEMPLATE_IDS.map((id) => (
          <button key={id} type="button" data-template={id} onClick={() => fromTemplate(id)}>
            {t(`rules_template_${id}`)}
          </button>
        ))}
        <button
          type="button"
          data-testid="rule-new"
          onClick={() =>
            open(
              toDraft({
                ...BLANK_RULE,
                id: newId(),
                name: '',
                enabled: true,
                scope: 'all',
                notify: false,
              }),
            )
          }
        >
          + {t('rules_new')}
        </button>
      </div>

      {draft && (
        <RuleForm
          draft={draft}
          errors={errors}
          notice={notice}
          shops={shops}
          t={t}
          isNew={!rules.some((r) => r.id === draft.id)}
          onDraft={(d) => setDraft(d)}
          onNotify={async (on) => {
            if (!on) return setDraft({ ...draft, notify: false });
            // permissions.request needs the click that switched notify on: ask before anything else awaits.
            const granted = await requestNotifications().catch(() => false);
            setNotice(granted ? null : t('rules_notifyDenied'));
            setDraft((d) => (d ? { ...d, notify: granted } : d));
          }}
          onSave={save}
          onCancel={() => setDraft(null)}
        />
      )}
    </section>
  );
}

function RuleForm({
  draft,
  errors,
  notice,
  shops,
  t,
  isNew,
  onDraft,
  onNotify,
  onSave,
  onCancel,
}: {
  draft: Draft;
  errors: Errors;
  notice: string | null;
  shops: readonly Shop[];
  t: UiTranslate;
  isNew: boolean;
  onDraft: (d: Draft) => void;
  onNotify: (on: boolean) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const set = (change: Partial<Draft>) => onDraft({ ...draft, ...change });
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  const unit = (metric: MetricId, comparison: Comparison) =>
    isPercentValue({ metric, comparison, value: 0 }) ? <span class="unit">%</span> : null;
  const errorFor = (field: Field) =>
    errors[field] && (
      <div id={`rule-${field}-error`} class="error small" role="alert">
        {t(errors[field])}
      </div>
    );
  const described = (field: Field) => (errors[field] ? { 'aria-invalid': true, 'aria-describedby': `rule-${field}-error` } : {});
  const metricOptions = METRIC_IDS.map((m) => (
    <option key={m} value={m}>
      {metricName(t, m)}
    </option>
  ));
  const comparisonOptions = COMPARISONS.map((c) => (
    <option key={c} value={c}>
      {t(`rules_cmp_${c}`)}
    </option>
  ));
  const needs = [draft.comparison, draft.second ? draft.secondComparison : null];

  return (
    <form
      class="rule-form"
      aria-label={t(isNew ? 'rules_new' : 'rules_editing')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3>{t(isNew ? 'rules_new' : 'rules_editing')}</h3>
      {Object.keys(errors).length > 0 && <p class="error">{t('rules_errForm')}</p>}
      <div class="grid">
        <label for="rule-name">{t('rules_name')}</label>
        <div>
          <input
            id="rule-name"
            value={draft.name}
            maxLength={80}
            onInput={(e) => set({ name: value(e) })}
            {...described('name')}
          />
          {errorFor('name')}
        </div>

        <label for="rule-metric">{t('rules_metric')}</label>
        <select id="rule-metric" value={draft.metric} onChange={(e) => set({ metric: value(e) as MetricId })}>
          {metricOptions}
        </select>

        <label for="rule-comparison">{t('rules_comparison')}</label>
        <select id="rule-comparison" value={draft.comparison} onChange={(e) => set({ comparison: value(e) as Comparison })}>
          {comparisonOptions}
        </select>

        <label for="rule-value">{t('rules_value')}</label>
        <div>
          <input
            id="rule-value"
            class="num"
            inputMode="decimal"
            value={draft.value}
            onInput={(e) => set({ value: value(e) })}
            {...described('value')}
          />
          {unit(draft.metric, draft.comparison)}
          {errorFor('value')}
        </div>

        <label for="rule-severity">{t('rules_severity')}</label>
        <select id="rule-severity" value={draft.severity} onChange={(e) => set({ severity: value(e) as Severity })}>
          <option value="warn">{t('severity_warn')}</option>
          <option value="critical">{t('severity_critical')}</option>
        </select>

        <label for="rule-breakdown">{t('rules_breakdown')}</label>
        <select id="rule-breakdown" value={draft.breakdown} onChange={(e) => set({ breakdown: value(e) as Draft['breakdown'] })}>
          <option value="">{t('rules_breakdown_none')}</option>
          {BREAKDOWN_KINDS.map((b) => (
            <option key={b} value={b}>
              {t(`rules_breakdown_${b}`)}
            </option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend>
          <label>
            <input
              type="checkbox"
              id="rule-second"
              checked={draft.second}
              onChange={(e) => set({ second: (e.currentTarget as HTMLInputElement).checked })}
            />{' '}
            {t('rules_and')}
          </label>
        </legend>
        {draft.second && (
          <div class="grid">
            <label for="rule-second-metric">{t('rules_secondMetric')}</label>
            <select
              id="rule-second-metric"
              value={draft.secondMetric}
              onChange={(e) => set({ secondMetric: value(e) as MetricId })}
            >
              {metricOptions}
            </select>
            <label for="rule-second-comparison">{t('rules_secondComparison')}</label>
            <select
              id="rule-second-comparison"
              value={draft.secondComparison}
              onChange={(e) => set({ secondComparison: value(e) as Comparison })}
            >
              {comparisonOptions}
            </select>
            <label for="rule-second-value">{t('rules_secondValue')}</label>
            <div>
              <input
                id="rule-second-value"
                class="num"
                inputMode="decimal"
                value={draft.secondValue}
                onInput={(e) => set({ secondValue: value(e) })}
                {...described('secondValue')}
              />
              {unit(draft.secondMetric, draft.secondComparison)}
              {errorFor('secondValue')}
            </div>
          </div>
        )}
      </fieldset>

      <fieldset {...described('shops')}>
        <legend>{t('rules_shops')}</legend>
        {shops.length === 0 ? (
          <p class="help small">{t('rules_noShops')}</p>
        ) : (
          <>
            <label>
              <input type="radio" name="rule-scope" checked={draft.allShops} onChange={() => set({ allShops: true })} />{' '}
              {t('rules_allShops')}
            </label>{' '}
            <label>
              <input type="radio" name="rule-scope" checked={!draft.allShops} onChange={() => set({ allShops: false })} />{' '}
              {t('rules_someShops')}
            </label>
            {!draft.allShops && (
              <div class="shop-picks">
                {shops.map(({ site, store }) => {
                  const key = shopKey(site, store);
                  return (
                    <label key={key}>
                      <input
                        type="checkbox"
                        checked={draft.shops.includes(key)}
                        onChange={(e) =>
                          set({
                            shops: (e.currentTarget as HTMLInputElement).checked
                              ? [...draft.shops, key]
                              : draft.shops.filter((k) => k !== key),
                          })
                        }
                      />{' '}
                      {store} <small>{t(`site_${site}` as never)}</small>
                    </label>
                  );
                })}
              </div>
            )}
            {errorFor('shops')}
          </>
        )}
      </fieldset>

      <div class="grid">
        <label for="rule-fix">{t('rules_fix')}</label>
        <select id="rule-fix" value={draft.fix} onChange={(e) => set({ fix: value(e) as FixId })}>
          {FIX_IDS.map((f) => (
            <option key={f} value={f}>
              {t(`rules_fix_${f}`)}
            </option>
          ))}
        </select>
      </div>

      <label class="notify">
        <input
          type="checkbox"
          id="rule-notify"
          checked={draft.notify}
          onChange={(e) => onNotify((e.currentTarget as HTMLInputElement).checked)}
        />{' '}
        {t('rules_notify')}
        <span class="help small"> {t('rules_notifyHelp')}</span>
      </label>
      {notice && (
        <p class="error small" role="alert">
          {notice}
        </p>
      )}

      {needs.some((c) => c && usesBaseline(c)) && <p class="help small">{t('rules_needsBaseline')}</p>}
      {needs.includes('belowTarget') && <p class="help small">{t('rules_needsTarget')}</p>}

      <div class="actions">
        <button type="submit" class="primary" data-testid="rule-save">
          {t('rules_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('rules_cancel')}
        </button>
      </div>
    </form>
  );
}
