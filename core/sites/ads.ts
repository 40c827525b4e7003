import { alimama } from './alimama';
import type { SiteAdapter } from './types';

/** The ads back offices: what the ads pages' content script reads (it carries no shop adapter). */
export const ADS_SITES: readonly SiteAdapter[] = [alimama];

export const ADS_MATCHES: readonly string[] = [...new Set(ADS_SITES.flatMap((s) => s.matches))];

export function adsSiteFor(url: URL): SiteAdapter | undefined {
  return ADS_SITES.find((s) => s.isPage(url));
}
