import { defineSite } from './define';

/**
 * Google Analytics 4. Users / Total users / Active users → visitors, Sessions → visits, Views →
 * pageViews, Views per session → pagesPerVisit, Average engagement time → avgVisitDuration, Total
 * revenue / Purchase revenue → sales. Its bounce rate is 1 − engagement rate, so the ga4
 * profile judges it by its own lines, and Engagement rate is never read as anything. New users,
 * Returning users and Engaged sessions are parts of users and sessions, never the totals (the
 * catalogue's qualifier rule keeps them apart). The property's time zone is not printed: relative
 * labels are counted on the computer's calendar.
 */
export const ga4 = defineSite({
  id: 'ga4',
  matches: ['https://analytics.google.com/*'],
  labels: {
    'Engagement rate': null,
  },
});
