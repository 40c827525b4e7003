import { isShown } from '../reader/walk';

/**
 * The ads account as an ads back office names it: its account switcher or top bar prints
 * "账户：鹿野家居旗舰店", "Account: Lumen Goods", "帳戶：…" (label and name in one element or two).
 * An ads page names the account, seldom the shop; where nothing names it the adapter's fallback (the
 * host) is stored, and the operator links that account to a shop.
 */
const LABEL = String.raw`(?:当前账户|广告账户|推广账户|账户名称|账户名|账户|账号|帐户|帳戶|廣告帳戶|Ad account|Advertiser|Account name|Account)`;
const LINE = new RegExp(`^${LABEL}\\s*[:：]\\s*(\\S.{0,58}?)$`, 'iu');
const LABEL_ONLY = new RegExp(`^${LABEL}\\s*[:：]?$`, 'iu');
/** Text nodes looked at: top bars come first in the document. */
const MAX_TEXTS = 1500;

/**
 * The first shown text that names the account, or one that `named` recognises (a platform's own form,
 * such as Google Ads' "name 123-456-7890"); null when the page names none.
 */
export function adsAccount(root: ParentNode, named?: (text: string, el: Element) => string | null): string | null {
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(doc.body ?? doc, 4 /* SHOW_TEXT */);
  let seen = 0;
  for (let n = walker.nextNode(); n && seen < MAX_TEXTS; n = walker.nextNode(), seen++) {
    const own = (n.nodeValue ?? '').replace(/\s+/g, ' ').trim();
    if (!own || own.length > 80) continue;
    const el = n.parentElement;
    if (!el || el.closest('script,style,template,table') || !isShown(el)) continue;
    // The label alone: its name is the element after it ("账户：" <b>name</b>).
    const after = LABEL_ONLY.test(own) ? (el.nextElementSibling?.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
    const name = (after.length <= 60 ? after : '') || LINE.exec(own)?.[1] || named?.(own, el) || null;
    if (name) return name.trim();
  }
  return null;
}
