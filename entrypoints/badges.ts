import { BADGE_KIT } from '@/core/content/badge';
import { installBadgeKit } from '@/core/content/badge-kit';

/**
 * The badges on a back-office page, injected by the background the first time a page session has one
 * to show (core/content/badge-kit.ts), so the content script on every page carries none of their code.
 */
export default defineUnlistedScript(() => installBadgeKit(BADGE_KIT));
