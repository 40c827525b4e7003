// The reader as the content script runs it, bundled on its own for timing in a plain page.
import { PageMemo } from '../../core/reader/memo';
import { findShadowHosts, scanPage } from '../../core/reader/scan';
import { siteById } from '../../core/sites';
import { sycm } from '../../core/sites/sycm';

const url = new URL('https://sycm.taobao.com/portal/home.htm');

/** A first read: the page's shadow hosts are searched for as part of it. */
export function read(root: ParentNode = document) {
  return sycm.read(root, { url, now: new Date() });
}

/** A later read of a page session, which already knows the page's shadow hosts. */
export function readWithHosts(root: ParentNode, hosts: Set<Element>) {
  return sycm.read(root, { url, now: new Date(), hosts });
}

/**
 * A later read of a page session that keeps what its reads found between them (PageMemo): only the
 * subtrees that changed since the last read are walked again. One memo per document, as a session has.
 */
const memos = new WeakMap<Document, PageMemo>();
export function readInSession(root: Document, hosts: Set<Element>) {
  let memo = memos.get(root);
  if (!memo) memos.set(root, (memo = new PageMemo(root)));
  return sycm.read(root, { url, now: new Date(), hosts, memo });
}

/** The text pass alone, as a later read makes it: the part of a read whose cost grows with the page's elements. */
export function scanWithHosts(root: Document, hosts: Set<Element>) {
  return scanPage(root, { hosts });
}

/** A read by a given back office's adapter, as on its own page. */
export function readAs(site: string, href: string) {
  return siteById(site)!.read(document, { url: new URL(href), now: new Date() });
}

export { findShadowHosts };
