import type { Sender } from '@/core/background/service';
import { EXT } from './db';

/** Senders as the browser describes them to the background. */

export { EXT };
export const EXT_ORIGIN = `chrome-extension://${EXT}/`;
/** The toolbar popup: an extension page without a tab. */
export const POPUP: Sender = { id: EXT, url: `${EXT_ORIGIN}popup.html`, frameId: 0 };
/** A StorePulse script in the top frame of a web page tab. */
export const pageSender = (tabId: number, url: string): Sender => ({ id: EXT, url, frameId: 0, tab: { id: tabId, url } });
