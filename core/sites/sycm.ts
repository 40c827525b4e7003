import type { PageMemo } from '../reader/memo';
import { readComparisons } from './compare';
import { defineSite } from './define';

/**
 * 生意参谋 (Taobao/Tmall's back office). It prints money without a currency marker (always CNY),
 * shows the statistics date as "统计时间 YYYY-MM-DD", its real-time tools live under paths that name
 * them (…/realtime…), and its top bar prints the signed-in account as "店铺名:子账号" (Taobao's
 * sub-account login), which names the shop even when the name does not end in 店. Its 竞争 pages
 * (/mc/ci/…) put our shop beside chosen peer shops; the peers' numbers are stored as theirs. Its day
 * is China's. 支付 figures are the shop's (支付金额 → sales, 支付买家数 → paidBuyers, 支付转化率 →
 * conversionRate); 下单 figures count orders placed and not paid, and 支付子订单数 counts order lines
 * (one per item of an order): never mapped.
 */
export const sycm = defineSite({
  id: 'sycm',
  matches: ['https://sycm.taobao.com/*'],
  currency: () => 'CNY',
  timeZone: () => 'Asia/Shanghai',
  realtimePath: /realtime|\/rt\b|shishi/i,
  labels: {
    'Payment amount': 'sales',
    下单买家数: null,
    下单转化率: null,
    下单金额: null,
    人均店内停留时间: 'avgVisitDuration',
    支付笔数: 'orders',
  },
  store: (root, _url, memo) => shopFromAccount(root, memo),
  refine: (found, { url, currency }) => (/^\/mc\//.test(url.pathname) ? readComparisons(found, currency) : found),
});

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
