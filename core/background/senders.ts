import type { MessageType } from '../messages';

/**
 * Who may ask the background for what. Every message names the contexts allowed to send it, in this
 * one table; the background's gate (service.ts) classifies each sender from what the browser reports
 * about it and refuses the message before its payload is even parsed when the kind is not listed.
 *
 * - `page`: a StorePulse script running in a web page (the content script on a back office, the
 *   script that reads bound numbers, the picker). It runs next to code we do not control, so it may
 *   ask only for what its own page needs: report what it read, say how reading went, take down its own
 *   tab's badge, save a number the operator picked on that page.
 * - `extension`: StorePulse's own pages (popup, options), not framed in a web page.
 */

export type SenderKind = 'page' | 'extension';

export const SENDER_POLICY: { readonly [K in MessageType]: readonly SenderKind[] } = {
  pageSetup: ['page'],
  report: ['page'],
  pageStatus: ['page'],
  badgeCode: ['page'],
  // From a page only for an alert about that tab's own site and origin (checked by the handler).
  dismiss: ['page', 'extension'],
  // From the picker, in the page the number was picked on; the origin is the tab's.
  saveBinding: ['page'],
  popupState: ['extension'],
  readPage: ['extension'],
  pickOnPage: ['extension'],
  shops: ['extension'],
  setTarget: ['extension'],
  alertAction: ['extension'],
  review: ['extension'],
  trend: ['extension'],
  settings: ['extension'],
  saveSettings: ['extension'],
  boundCount: ['extension'],
  syncStatus: ['extension'],
  chooseSync: ['extension'],
  pace: ['extension'],
};

/** What the browser says about a message's sender (runtime.MessageSender); nothing here comes from the message. */
export interface Sender {
  id?: string;
  /** The frame's URL. */
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export type Caller =
  | { kind: 'extension' }
  /** A script in the top frame of a web page tab; `url` is the tab's, as the browser reports it. */
  | { kind: 'page'; tabId: number; url: string };

/**
 * Classifies a sender, or says why it is neither. Extension pages: the frame is on the extension's
 * origin, and so is its tab if it has one (an extension page framed in a web page, such as allow.html,
 * is neither kind). Pages: a tab with an http(s) URL, the top frame, and a frame URL on the tab's origin.
 */
export function classify(sender: Sender, extensionOrigin: string): Caller | { refused: string } {
  const onExtension = (url: string | undefined) => !!url && url.startsWith(extensionOrigin);
  if (onExtension(sender.url)) {
    if (!sender.tab || onExtension(sender.tab.url)) return { kind: 'extension' };
    return { refused: 'a StorePulse page framed in a web page may not ask this' };
  }
  const tabId = sender.tab?.id;
  const tabUrl = parse(sender.tab?.url);
  const frameUrl = parse(sender.url);
  if (tabId === undefined || tabId < 0 || !tabUrl || !/^https?:$/.test(tabUrl.protocol))
    return { refused: 'the sender is neither a StorePulse page nor a web page tab' };
  if (sender.frameId !== 0) return { refused: 'only the top frame of a page may ask' };
  if (!frameUrl || frameUrl.origin !== tabUrl.origin) return { refused: 'the sending frame is not the tab’s page' };
  return { kind: 'page', tabId, url: tabUrl.href };
}

export function allowed(type: MessageType, caller: Caller): boolean {
  return SENDER_POLICY[type].includes(caller.kind);
}

function parse(url: string | undefined): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}
