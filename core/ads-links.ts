import { parseShopKey, shopKey } from './keys';
import type { ProfileId } from './rules';

/**
 * Which shop an ads account's spend belongs to. The ads back offices (阿里妈妈, 京准通, 巨量千川, Shopee
 * Ads, Amazon Ads, Google Ads) name the account, not the shop: an account whose name is, once
 * normalised, the name of exactly one shop of the same platform family is that shop's; any other is
 * linked by the operator once (`adsLinks` in the settings). An operator's link always wins; an account
 * neither matched nor linked keeps its readings and counts as soon as it is linked.
 */

export const ADS_SITES = ['alimama', 'jzt', 'qianchuan', 'shopee-ads', 'amazon-ads', 'google-ads'] as const;
export type AdsSite = (typeof ADS_SITES)[number];

/** The shop platform each ads back office spends for; null: any (Google Ads buys traffic for any shop). */
export const ADS_FAMILY: Readonly<Record<AdsSite, string | null>> = {
  alimama: 'sycm',
  jzt: 'jd',
  qianchuan: 'douyin',
  'shopee-ads': 'shopee',
  'amazon-ads': 'amazon',
  'google-ads': null,
};

export const isAdsSite = (site: string): site is AdsSite => (ADS_SITES as readonly string[]).includes(site);

/** The operator's link: the ads account (site and name as read) → the shop key (`site|store`). */
export interface AdsLink {
  site: AdsSite;
  account: string;
  shop: string;
}

export const MAX_ADS_LINKS = 60;
const MAX_NAME = 120;

export interface Shop {
  site: string;
  store: string;
}

/** Case, width, spaces and punctuation folded: `小雨 旗舰店`, `小雨旗舰店 ` and `ＸＹ-Store` compare as one. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The one shop of the account's family whose name is the account's; null when none or several are. */
export function matchShop(site: AdsSite, account: string, shops: readonly Shop[]): Shop | null {
  const name = normaliseName(account);
  if (!name) return null;
  const family = ADS_FAMILY[site];
  const hits = shops.filter(
    (s) => !isAdsSite(s.site) && (family === null || s.site === family) && normaliseName(s.store) === name,
  );
  return hits.length === 1 ? hits[0]! : null;
}

export type LinkedBy = 'operator' | 'name';

/** The shop an account's spend counts for, and how it was decided; null: unlinked (kept, not counted). */
export function shopOfAccount(
  site: AdsSite,
  account: string,
  links: readonly AdsLink[],
  shops: readonly Shop[],
): (Shop & { by: LinkedBy }) | null {
  const link = links.find((l) => l.site === site && l.account === account);
  if (link) {
    const shop = parseShopKey(link.shop);
    return shop ? { ...shop, by: 'operator' } : null;
  }
  const match = matchShop(site, account, shops);
  return match ? { ...match, by: 'name' } : null;
}

/** The ads accounts whose spend counts for `shop`. */
export function accountsOfShop(shop: Shop, accounts: readonly Shop[], links: readonly AdsLink[], shops: readonly Shop[]): Shop[] {
  const key = shopKey(shop.site, shop.store);
  return accounts.filter((a) => {
    if (!isAdsSite(a.site)) return false;
    const owner = shopOfAccount(a.site, a.store, links, shops);
    return owner !== null && shopKey(owner.site, owner.store) === key;
  });
}

/** Links one account to one shop (replacing its earlier link); `shop` null unlinks it. */
export function setLink(links: readonly AdsLink[], site: AdsSite, account: string, shop: string | null): AdsLink[] {
  const rest = links.filter((l) => !(l.site === site && l.account === account));
  return shop === null ? rest : [...rest, { site, account, shop }];
}

/** An ads account as read: its back office and the name it goes by there. */
export interface AdsAccountRef {
  site: AdsSite;
  account: string;
}

/**
 * The popup's link prompt put off ("not now", the settings' `adsPromptLater`): the accounts put off. Each
 * stays out of the prompt until the options page (where every account is listed) is opened; an account read
 * since is asked about on its own, the others stay put off.
 */
export interface PromptLater {
  accounts: AdsAccountRef[];
}

const MAX_ADS_ACCOUNTS = 200;

const sameAccount = (a: AdsAccountRef) => (b: AdsAccountRef) => a.site === b.site && a.account === b.account;

/** The unlinked accounts the popup asks about: all of them but those put off. */
export function promptedAccounts<A extends AdsAccountRef>(unlinked: readonly A[], later: PromptLater | undefined): A[] {
  return later ? unlinked.filter((a) => !later.accounts.some(sameAccount(a))) : [...unlinked];
}

/** "Not now" for one account: it joins those put off (the oldest dropped past the limit). */
export function putOff(later: PromptLater | undefined, account: AdsAccountRef): PromptLater {
  const kept = (later?.accounts ?? []).filter((a) => !sameAccount(a)(account));
  const ref = { site: account.site, account: account.account };
  return { accounts: [...kept, ref].slice(-MAX_ADS_ACCOUNTS) };
}

/**
 * ROI floors per platform profile: an ads account returning less than this in ad sales per unit spent is
 * flagged. Taobao's 直通车/万相台 operators commonly hold a plan under 2 as losing money once the margin is
 * paid; Amazon's ACoS of about 30% is a ROAS of 3.3, so its floor is 3.
 */
export const ROI_FLOORS: Readonly<Record<ProfileId, number>> = { taobao: 2, ga4: 2, shopify: 2, amazon: 3 };
export const ROI_FLOOR_RANGE = [0.1, 100] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The stored links, each checked; a bad one is dropped with a note, the others kept. */
export function repairAdsLinks(raw: unknown, notes: string[]): AdsLink[] {
  if (!Array.isArray(raw)) {
    notes.push('adsLinks: not a list; no ads account linked');
    return [];
  }
  const kept: AdsLink[] = [];
  for (const [i, l] of raw.entries()) {
    const problem = !isObject(l)
      ? 'not a link'
      : typeof l.site !== 'string' || !isAdsSite(l.site)
        ? `${JSON.stringify(l.site)} is not an ads back office`
        : typeof l.account !== 'string' || !l.account.trim() || l.account.length > MAX_NAME
          ? 'no account name'
          : typeof l.shop !== 'string' || !parseShopKey(l.shop) || isAdsSite(parseShopKey(l.shop)!.site)
            ? `${JSON.stringify(l.shop)} is not a shop`
            : kept.some((k) => k.site === l.site && k.account === l.account)
              ? 'the account is linked twice'
              : kept.length >= MAX_ADS_LINKS
                ? `more than ${MAX_ADS_LINKS} links`
                : null;
    if (problem) notes.push(`adsLinks[${i}]: ${problem}; dropped`);
    else kept.push({ site: l.site as AdsSite, account: l.account as string, shop: l.shop as string });
  }
  return kept;
}

/** The operator's ROI floors per profile, each in range; others dropped with a note (the default applies). */
export function repairRoiFloors(
  raw: unknown,
  profiles: readonly ProfileId[],
  notes: string[],
): Partial<Record<ProfileId, number>> {
  if (!isObject(raw)) {
    notes.push('roiFloors: not an object; the profile defaults used');
    return {};
  }
  const kept: Partial<Record<ProfileId, number>> = {};
  for (const [profile, v] of Object.entries(raw)) {
    if (!profiles.includes(profile as ProfileId)) notes.push(`roiFloors.${profile}: unknown profile; dropped`);
    else if (typeof v !== 'number' || !(v >= ROI_FLOOR_RANGE[0] && v <= ROI_FLOOR_RANGE[1]))
      notes.push(
        `roiFloors.${profile}: ${JSON.stringify(v)} is not a ROI from 0.1 to 100; ${ROI_FLOORS[profile as ProfileId]} used`,
      );
    else kept[profile as ProfileId] = v;
  }
  return kept;
}

/**
 * The stored prompt put off, each account checked; a bad one is dropped with a note (it is only asked about
 * again). A list of the accounts known then, kept by earlier versions, is no longer used and not kept.
 */
export function repairPromptLater(raw: unknown, notes: string[]): PromptLater | undefined {
  if (!isObject(raw)) {
    notes.push('adsPromptLater: not an object; the link prompt shows again');
    return undefined;
  }
  const items = raw.accounts;
  if (!Array.isArray(items)) {
    notes.push('adsPromptLater.accounts: not a list; none kept');
    return { accounts: [] };
  }
  const kept: AdsAccountRef[] = [];
  for (const [i, a] of items.entries()) {
    const ok =
      isObject(a) &&
      typeof a.site === 'string' &&
      isAdsSite(a.site) &&
      typeof a.account === 'string' &&
      a.account.trim() !== '' &&
      a.account.length <= MAX_NAME;
    const ref = ok ? { site: a.site as AdsSite, account: a.account as string } : null;
    const problem = !ref
      ? 'not an ads account'
      : kept.length >= MAX_ADS_ACCOUNTS
        ? `more than ${MAX_ADS_ACCOUNTS}`
        : kept.some(sameAccount(ref))
          ? 'listed twice'
          : null;
    if (problem || !ref) notes.push(`adsPromptLater.accounts[${i}]: ${problem}; dropped`);
    else kept.push(ref);
  }
  return { accounts: kept };
}
