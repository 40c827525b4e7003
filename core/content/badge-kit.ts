import { sendMessage } from '../messages';
import type { BadgeKit } from './badge';

/**
 * The badges' code (core/content/badge.ts: the element, its styles and its words) is a script of its
 * own, `badges.js`, that the background injects into the page's content-script world the first time a
 * page session has a badge to show: a page with no alert, no pace and no unreadable number never loads
 * it, and the content script on every back-office page stays small. It installs itself under KEY, seen
 * only by StorePulse's own scripts in that page (the isolated world), never by the page.
 */

const KEY = Symbol.for('storepulse.badges');

type Holder = { [KEY]?: BadgeKit };

/** Called by the badge script when the background injects it. */
export function installBadgeKit(kit: BadgeKit): void {
  (globalThis as Holder)[KEY] = kit;
}

/** The badge code, asking the background to inject it when this page does not have it yet. */
export async function loadBadgeKit(): Promise<BadgeKit> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) await sendMessage('badgeCode', {});
  const kit = holder[KEY];
  if (!kit) throw new Error('the badge script did not load');
  return kit;
}
