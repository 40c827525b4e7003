import type { UiTranslate } from '@/core/i18n-ui';
import { shopKey as keyOfShop } from '@/core/keys';

/** The back office's name in the operator's language; an unknown site id is shown as it is. */
export function siteName(t: UiTranslate, site: string): string {
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
export function alertCount(t: UiTranslate, count: number): string {
  return count === 1 ? t('popup_alert_one') : count === 0 ? t('popup_noAlerts') : t('popup_alerts', { count });
}
