/** The badge's element name: the badge script creates it, the page session tells its own changes by it. */
export const BADGE_TAG = 'storepulse-badge';
