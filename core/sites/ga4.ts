import { defineSite } from './define';

/**
 * Google Analytics 4. Users / Total users / Active users → visitors, Sessions → visits, Views →
 * pageViews, Views per session → pagesPerVisit, Average engagement time / Average session duration →
 * avgVisitDuration, Total revenue / Purchase revenue → sales. In GA4's own definitions, Total
 * purchasers counts the users who made a purchase (→ paidBuyers), Ecommerce purchases and
 * Transactions count completed purchases (→ orders), and Returning users counts the users who had a
 * session before (a count of users, not a share → returningVisitors). Its bounce rate is
 * 1 − engagement rate, so the ga4 profile judges it by its own lines, and Engagement rate is never
 * read as anything. New users and Engaged sessions are parts of users and sessions, never the totals
 * (the catalogue's qualifier rule keeps them apart). The property's time zone is not printed:
 * relative labels are counted on the computer's calendar.
 */
export const ga4 = defineSite({
  id: 'ga4',
  matches: ['https://analytics.google.com/*'],
  labels: {
    'Ecommerce purchases': 'orders',
    'Engagement rate': null,
    'Returning users': 'returningVisitors',
    'Total purchasers': 'paidBuyers',
    Transactions: 'orders',
  },
});
