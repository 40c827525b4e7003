import { BADGE_KIT } from '@/core/content/badge';
import { PageSession } from '@/core/content/session';
import { translator } from '@/core/i18n';
import { BADGE_SCREEN, fixWords } from '@/core/background/badge-words';
import type { PageReport, WordedEvaluation } from '@/core/messages';
import { evaluate } from '@/core/rules';
import type { SiteAdapter } from '@/core/sites';
import { sycm } from '@/core/sites/sycm';

/** A background stand-in for page-session tests: judges with the real rules and records what it was sent. */
export function fakeBackground() {
  const reports: PageReport[] = [];
  const dismissed: string[] = [];
  let failNext = 0;
  let failBadges = 0;
  return {
    reports,
    dismissed,
    /** How many times a session asked for the badges' code. */
    badgeLoads: 0,
    failNextReports(n: number) {
      failNext = n;
    },
    /** The next `n` loads of the badges' code fail (the background could not inject it). */
    failNextBadgeLoads(n: number) {
      failBadges = n;
    },
    async badges() {
      this.badgeLoads++;
      if (failBadges > 0) {
        failBadges--;
        throw new Error('Cannot access contents of the page.');
      }
      return BADGE_KIT;
    },
    async report(r: PageReport): Promise<{ evaluations: WordedEvaluation[] }> {
      if (failNext > 0) {
        failNext--;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      reports.push(structuredClone(r));
      const evaluations: WordedEvaluation[] = [];
      const words = translator('zh-CN', BADGE_SCREEN);
      r.observed.forEach((o, index) => {
        const v = evaluate(o.metric, o.value);
        if (v)
          evaluations.push({
            index,
            metric: o.metric,
            severity: v.severity,
            threshold: v.threshold,
            direction: v.rule.direction,
            fix: v.rule.fix,
            alertId: `a-${o.metric}`,
            dismissed: false,
            words: fixWords(v.rule.fix, words),
          });
      });
      return { evaluations };
    },
  };
}

/** A page session on the test document, in Chinese, reporting to `bg` until `signal` aborts. */
export function startSession(
  bg: ReturnType<typeof fakeBackground>,
  signal: AbortSignal,
  adapter: SiteAdapter = sycm,
  clock?: () => number,
): PageSession {
  // happy-dom serves every page at about:blank; the adapter reads the document it is given.
  const session = new PageSession({
    adapter,
    window: window as Window & typeof globalThis,
    signal,
    locale: 'zh-CN',
    t: translator('zh-CN', BADGE_SCREEN),
    report: (r) => bg.report(r),
    dismiss: async (id) => void bg.dismissed.push(id),
    badges: () => bg.badges(),
    ...(clock ? { clock } : {}),
  });
  session.start();
  return session;
}
