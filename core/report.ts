import { fellSourceText, moneyText, partAdvice, reviewAlertText, type AdviceTranslate } from './advice-text';
import { FIXES, ROLES, type Role } from './fixes';
import { formatChange, formatCompletion, formatRoi, formatShare, formatValue, steadyValue } from './format';
import { metricName, type Locale, type Translate } from './i18n';
import type { AlertView, ReviewState, ShopOverview } from './review/types';
import type { FixId } from './rules';
import type { AdviceKey } from './strings/advice';
import type { GlanceKey } from './strings/glance';
import type { ReportKey } from './strings/report';

/**
 * The daily report (日报) as text to paste into the team chat, in the operator's language: per shop,
 * yesterday against its target, the month's pace, the factors in money, the main cause with its
 * source, the open alerts, and today's tasks grouped by owner. Built from the review the popup already
 * holds; nothing leaves the machine — the operator pastes it.
 */

export type ReportTranslate = Translate<ReportKey | GlanceKey> & AdviceTranslate;

/** What a line of the report says, so the image can draw each kind its own way. */
export type ReportLineKind =
  | 'title'
  | 'overview'
  | 'glance'
  | 'gap'
  | 'shop'
  | 'day'
  | 'month'
  | 'factors'
  | 'main'
  | 'alerts'
  | 'alert'
  | 'tasks'
  | 'role'
  | 'task';

export interface ReportLine {
  kind: ReportLineKind;
  text: string;
  /** Good or bad news on this line (a target met or missed, the month ahead or behind). */
  tone?: 'good' | 'bad';
  /** A shop's line of the overview in its pieces, so the image breaks it only between them. */
  glance?: { shop: string; parts: string[] };
}

/** Within this much of plan the month reads "on plan". */
const ON_PLAN = 0.005;

export function dailyReport(review: Pick<ReviewState, 'today' | 'shops' | 'inbox'>, t: ReportTranslate, locale: Locale): string {
  return reportLines(review, t, locale)
    .map((l) => l.text)
    .join('\n');
}

/** The report line by line, each with its kind: the text joins them, the image draws them. */
export function reportLines(
  review: Pick<ReviewState, 'today' | 'shops' | 'inbox'>,
  t: ReportTranslate,
  locale: Locale,
): ReportLine[] {
  const lines: ReportLine[] = [{ kind: 'title', text: t('report_title', { date: review.today }) }];
  const open = (shop: ShopOverview) =>
    review.inbox.filter((a) => a.site === shop.site && a.store === shop.store && a.status === 'open');
  // Several shops: one line each first, so whoever reads the chat sees the whole day before the details.
  if (review.shops.length > 1) {
    lines.push({ kind: 'gap', text: '' }, { kind: 'overview', text: t('report_overview', { count: review.shops.length }) });
    for (const shop of review.shops) lines.push(glanceLine(shop, open(shop).length, t, locale));
  }
  for (const shop of review.shops) lines.push({ kind: 'gap', text: '' }, ...shopLines(shop, open(shop), t, locale));
  return lines;
}

const siteNameOf = (t: ReportTranslate, site: string) => {
  const name = t(`site_${site}` as never);
  return name === `site_${site}` ? site : name;
};

/** A shop in one line: yesterday against its target, the month's completion, its open alerts. */
function glanceLine(shop: ShopOverview, alerts: number, t: ReportTranslate, locale: Locale): ReportLine {
  const day = shop.day;
  const parts: string[] = [];
  let tone: ReportLine['tone'];
  if (day.status === 'noData' || day.sales === null) parts.push(t('report_glanceNoData'));
  else if (day.target !== null && day.completion !== null) {
    tone = day.status === 'met' ? 'good' : 'bad';
    parts.push(
      t('report_glanceDay', {
        completion: formatCompletion(day.completion, locale),
        verdict: t(day.status === 'met' ? 'report_met' : 'report_missed'),
      }),
    );
  } else parts.push(t('report_glanceNoTarget', { sales: formatValue('sales', day.sales, locale, shop.currency) }));
  if (day.month && day.month.daysWithData > 0)
    parts.push(t('report_glanceMonth', { completion: formatCompletion(day.month.completion, locale) }));
  parts.push(alerts ? t('report_glanceAlerts', { count: alerts }) : t('report_glanceNoAlerts'));
  const name = `${shop.store} · ${siteNameOf(t, shop.site)}`;
  return {
    kind: 'glance',
    ...(tone ? { tone } : {}),
    text: `- ${t('report_glance', { shop: name, parts: parts.join(' · ') })}`,
    glance: { shop: name, parts },
  };
}

function shopLines(shop: ShopOverview, alerts: readonly AlertView[], t: ReportTranslate, locale: Locale): ReportLine[] {
  const siteName = siteNameOf(t, shop.site);
  const lines: ReportLine[] = [{ kind: 'shop', text: t('report_shop', { store: shop.store, site: siteName }) }];
  const day = shop.day;
  const money = (v: number) => formatValue('sales', v, locale, shop.currency);
  if (day.status === 'noData' || day.sales === null) lines.push({ kind: 'day', text: t('report_noData') });
  else if (day.target !== null && day.completion !== null)
    lines.push({
      kind: 'day',
      tone: day.status === 'met' ? 'good' : 'bad',
      text: t('report_day', {
        date: day.date,
        sales: money(day.sales),
        target: money(day.target),
        completion: formatCompletion(day.completion, locale),
        verdict: t(day.status === 'met' ? 'report_met' : 'report_missed'),
      }),
    });
  else lines.push({ kind: 'day', text: t('report_dayNoTarget', { date: day.date, sales: money(day.sales) }) });
  const m = day.month;
  if (m) {
    // With no closed day of the month read, a pace would be a guess: the line says so instead.
    const pace =
      m.daysWithData === 0
        ? t('glance_noClosedDay', { month: m.month, site: siteName })
        : m.pace === null
          ? ''
          : Math.abs(m.pace) < ON_PLAN
            ? t('report_paceOn')
            : t(m.pace < 0 ? 'report_paceBehind' : 'report_paceAhead', {
                percent: formatChange(Math.abs(m.pace), locale).replace(/^\+/, ''),
              });
    const tone = m.daysWithData === 0 || m.pace === null || Math.abs(m.pace) < ON_PLAN ? undefined : m.pace < 0 ? 'bad' : 'good';
    lines.push({
      kind: 'month',
      ...(tone ? { tone } : {}),
      text: t('report_month', {
        month: m.month,
        actual: money(m.actual),
        target: money(m.target),
        completion: formatCompletion(m.completion, locale),
        pace,
      }).replace(/[,，]\s*$/, ''),
    });
  }
  const d = day.decomposition;
  if (d) {
    lines.push({
      kind: 'factors',
      text: t('report_factors', {
        // A factor that moved sales by less than one unit of money is left out: it is not a cause.
        factors: d.factors
          .filter((f) => Math.round(f.amount) !== 0)
          .map((f) => moneyText(t, locale, f, shop.currency))
          .join(t('report_listSeparator')),
      }),
    });
    if (d.main) {
      const source = d.fallingSource;
      lines.push({
        kind: 'main',
        tone: 'bad',
        text:
          t('report_main', { factor: metricName(t, d.main) }) +
          (source ? ` · ${source.key} ${formatChange(source.change, locale)}` : ''),
      });
    }
  }
  // The promotion side of the day, when a linked ads account's spend was read for it.
  const s = day.spend;
  if (s)
    lines.push({
      kind: 'factors',
      text: t('report_spend', {
        spend: money(s.spend),
        roi: formatRoi(s.roi),
        ratio: formatShare(s.spendRatio),
        share: formatShare(s.paidShare),
      }),
    });
  lines.push({ kind: 'alerts', text: alerts.length ? t('report_alerts', { count: alerts.length }) : t('report_noAlerts') });
  for (const a of alerts) {
    const head = a.review
      ? reviewAlertText(t, locale, a)
      : t('report_alertLine', {
          metric: metricName(t, a.metric),
          value: steadyValue(a.metric, a.value, locale, a.currency),
          threshold: steadyValue(a.metric, a.threshold, locale, a.currency),
        });
    const detail = a.part ? partAdvice(t, locale, a.part) : fellSourceText(t, locale, a);
    lines.push({ kind: 'alert', text: `- ${head}${detail ? ` · ${detail}` : ''}` });
  }
  const tasks = tasksByRole([...(d?.fix ? [d.fix] : []), ...alerts.map((a) => a.fix)]);
  if (tasks.size) {
    lines.push({ kind: 'tasks', text: t('report_tasks') });
    for (const [role, keys] of tasks)
      lines.push(
        { kind: 'role', text: t('report_role', { role: t(`role_${role}`) }) },
        ...keys.map((k): ReportLine => ({ kind: 'task', text: `  - ${t(k)}` })),
      );
  }
  return lines;
}

/** Each role's tasks from the fixes in play, once each, roles in the team's order (运营 first). */
function tasksByRole(fixes: readonly FixId[]): Map<Role, AdviceKey[]> {
  const byRole = new Map<Role, Set<AdviceKey>>();
  for (const fix of fixes)
    for (const o of FIXES[fix].owners) byRole.set(o.role, (byRole.get(o.role) ?? new Set<AdviceKey>()).add(o.task));
  return new Map(ROLES.filter((r) => byRole.has(r)).map((r) => [r, [...byRole.get(r)!]]));
}
