import { shopKey as keyOfShop } from '@/core/keys';
import type { FormNumberProblem } from '@/core/form-number';
import type { FormKey } from '@/core/strings/forms';
import type { Translate } from '@/core/i18n';
import type { AlertKey } from '@/core/strings/alerts';
import type { PopupKey } from '@/core/strings/popup';

/** The back office's name in the operator's language; an unknown site id is shown as it is. */
export function siteName(t: Translate<AlertKey>, site: string): string {
  const key = `site_${site}` as never;
  const name = t(key);
  return name === key ? site : name;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export const shopKey = (s: { site: string; store: string }) => keyOfShop(s.site, s.store);

export function errorText(e: unknown): string {
  return String(e instanceof Error ? e.message : e);
}

/** "No open alerts", "1 open alert" or "N open alerts". */
export function alertCount(t: Translate<PopupKey>, count: number): string {
  return count === 1 ? t('popup_alert_one') : count === 0 ? t('popup_noAlerts') : t('popup_alerts', { count });
}

/** What a form says about a number it could not read: the parser's reason where it has one of its own. */
export function numberProblemKey<K extends string>(problem: FormNumberProblem, otherwise: K): K | FormKey {
  return problem === 'ambiguous' ? 'number_ambiguous' : problem === 'percent' ? 'number_percent' : otherwise;
}

/** Hands a file to the browser's download, as a link click would. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
