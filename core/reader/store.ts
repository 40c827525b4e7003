import { elementOf, isContent, scanPage, type PageScan } from './scan';
import { isShown } from './walk';

/**
 * Which shop the page belongs to. Back offices print the shop's name in the page header; shop names
 * end in words such as 旗舰店 / 专营店 / 小舖 / Store. Falls back to the site's host name, which is stable.
 */

const SHOP_SUFFIX =
  /(旗舰店|旗艦店|专营店|專營店|专卖店|專賣店|企业店|企業店|官方店|小店|小铺|小舖|小鋪|商店|店铺|店舖|的店|[^\s]店|生活館|生活馆|[^\s]館|[^\s]馆|\bstore|\bshop|\bboutique)$/i;
const NOT_A_SHOP =
  /^(进店|進店|本店|全店|店铺|店舖|商店|同行|竞店|競店|访客|店铺首页|open store|online store|app store|view store|visit store|shop)$/i;

export function detectStore(root: ParentNode = document, fallback = hostOf(root), scan?: PageScan): string {
  let best: { name: string; score: number } | null = null;
  for (const node of (scan ?? scanPage(root as Document | Element)).shops) {
    const text = node.data.replace(/\s+/g, ' ').trim();
    if (text.length < 2 || text.length > 40 || !SHOP_SUFFIX.test(text) || NOT_A_SHOP.test(text) || !isContent(node)) continue;
    const el = elementOf(node);
    if (!el || el.closest('a[href^="javascript"],nav,[role="navigation"],table') || !isShown(el)) continue;
    const inHeader = !!el.closest('header,[role="banner"]');
    const top = el.getBoundingClientRect().top;
    const score = (inHeader ? 4 : 0) + (top >= 0 && top < 120 ? 2 : 0) + (text.length <= 20 ? 1 : 0);
    if (!best || score > best.score) best = { name: text, score };
  }
  return best?.name ?? fallback;
}

function hostOf(root: ParentNode): string {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  try {
    return doc.location?.hostname || 'unknown';
  } catch {
    return 'unknown';
  }
}
