import type { FixId } from './rules';
import type { MessageKey } from './i18n';

/**
 * Suggested fixes: who owns the work (promotion, design, service, content, merchandising) and what to
 * do, as message keys so every language
 * says the same thing. The first step is the one-line advice on the in-page badge.
 */

export type Role = 'promotion' | 'design' | 'service' | 'content' | 'merchandising';

export interface Fix {
  id: FixId;
  role: Role;
  /** One line: what is wrong and the first thing to do. */
  summary: MessageKey;
  /** The full advice, in order. */
  steps: readonly MessageKey[];
}

export const FIXES: Readonly<Record<FixId, Fix>> = {
  bounceHigh: {
    id: 'bounceHigh',
    role: 'design',
    summary: 'fix_bounceHigh_summary',
    steps: ['fix_bounceHigh_step1', 'fix_bounceHigh_step2', 'fix_bounceHigh_step3'],
  },
  conversionLow: {
    id: 'conversionLow',
    role: 'design',
    summary: 'fix_conversionLow_summary',
    steps: ['fix_conversionLow_step1', 'fix_conversionLow_step2', 'fix_conversionLow_step3'],
  },
  depthLow: {
    id: 'depthLow',
    role: 'design',
    summary: 'fix_depthLow_summary',
    steps: ['fix_depthLow_step1', 'fix_depthLow_step2', 'fix_depthLow_step3'],
  },
  visitorsFell: {
    id: 'visitorsFell',
    role: 'promotion',
    summary: 'fix_visitorsFell_summary',
    steps: ['fix_visitorsFell_step1', 'fix_visitorsFell_step2', 'fix_visitorsFell_step3'],
  },
  aovFell: {
    id: 'aovFell',
    role: 'merchandising',
    summary: 'fix_aovFell_summary',
    steps: ['fix_aovFell_step1', 'fix_aovFell_step2', 'fix_aovFell_step3'],
  },
  salesBelowTarget: {
    id: 'salesBelowTarget',
    role: 'promotion',
    summary: 'fix_salesBelowTarget_summary',
    steps: ['fix_salesBelowTarget_step1', 'fix_salesBelowTarget_step2', 'fix_salesBelowTarget_step3'],
  },
  returningThin: {
    id: 'returningThin',
    role: 'service',
    summary: 'fix_returningThin_summary',
    steps: ['fix_returningThin_step1', 'fix_returningThin_step2', 'fix_returningThin_step3'],
  },
};
