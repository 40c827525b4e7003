import type { PageMemo } from '../reader/memo';

// 生意参谋's and 京东商智's top bars print the signed-in account as "店铺名:子账号" (their sub-account
// logins). A module of its own, so each back office's content script carries only its own adapter.

const TOP_BAR = 'header,[role="banner"]';
const ACCOUNT = /^(.{2,60}?)[:：]([^:：\s]{1,24})$/u;
const NOT_A_SHOP = /时间|時間|日期|更新|统计|統計|数据|數據/;

/** The shop part of a "店铺名:子账号" nick in the page's top bar. */
export function shopFromAccount(root: ParentNode, memo?: PageMemo): string | null {
  const bars = topBars(root, memo);
  for (const bar of bars) {
    const walker = bar.ownerDocument.createTreeWalker(bar, 4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.nodeValue ?? '').trim();
      const m = text.length <= 90 ? ACCOUNT.exec(text) : null;
      if (m && !NOT_A_SHOP.test(m[1]!) && !/^\d/.test(m[2]!)) return m[1]!.trim();
    }
  }
  return null;
}

/**
 * The page's top bars: <header>/banner elements, or elements whose class names say "header" among
 * the first few hundred elements (top bars come first in the document; a class-substring selector
 * over a whole 50k-element page would cost more than reading it).
 */
function topBars(root: ParentNode, memo?: PageMemo): Element[] {
  // A page session keeps the query's answer until a header is added or one leaves the page.
  const bars = (memo ? memo.query(root, TOP_BAR) : Array.from(root.querySelectorAll(TOP_BAR))).slice(0, 4);
  if (bars.length) return bars;
  const doc = (root as Node).ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(doc.body ?? doc, 1 /* SHOW_ELEMENT */);
  for (
    let n = walker.nextNode() as Element | null, i = 0;
    n && i < 400 && bars.length < 4;
    n = walker.nextNode() as Element | null, i++
  ) {
    const cls = typeof n.className === 'string' ? n.className : '';
    if (/header/i.test(cls) && !bars.some((b) => b.contains(n))) bars.push(n);
  }
  return bars;
}
