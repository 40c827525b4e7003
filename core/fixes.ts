import type { FixId } from './rules';
import type { AdviceKey } from './strings/advice';
import type { AlertKey } from './strings/alerts';

/**
 * Suggested fixes: who owns the work (promotion, design, service, content, merchandising) and what to
 * do, as message keys so every language
 * says the same thing. The first step is the one-line advice on the in-page badge.
 */

export type Role = 'operations' | 'promotion' | 'design' | 'service' | 'content' | 'merchandising';

/** The order roles are listed in a report: 运营 first, as the one who splits the work. */
export const ROLES: readonly Role[] = ['operations', 'promotion', 'design', 'service', 'content', 'merchandising'];

/** One person's part of a fix: the role and one concrete task. */
export interface Owner {
  role: Role;
  task: AdviceKey;
}

export interface Fix {
  id: FixId;
  role: Role;
  /** One line: what is wrong and the first thing to do. */
  summary: AlertKey;
  /** The full advice, in order. */
  steps: readonly AlertKey[];
  /** Who does what: the main owner (role above) first, then the helpers, each with one task. */
  owners: readonly [Owner, ...Owner[]];
}

export const FIXES: Readonly<Record<FixId, Fix>> = {
  bounceHigh: {
    id: 'bounceHigh',
    role: 'design',
    summary: 'fix_bounceHigh_summary',
    steps: ['fix_bounceHigh_step1', 'fix_bounceHigh_step2', 'fix_bounceHigh_step3'],
    owners: [
      { role: 'design', task: 'task_bounce_design' },
      { role: 'promotion', task: 'task_bounce_promotion' },
    ],
  },
  conversionLow: {
    id: 'conversionLow',
    role: 'design',
    summary: 'fix_conversionLow_summary',
    steps: ['fix_conversionLow_step1', 'fix_conversionLow_step2', 'fix_conversionLow_step3'],
    owners: [
      { role: 'design', task: 'task_conversion_design' },
      { role: 'service', task: 'task_conversion_service' },
      { role: 'operations', task: 'task_conversion_operations' },
    ],
  },
  depthLow: {
    id: 'depthLow',
    role: 'design',
    summary: 'fix_depthLow_summary',
    steps: ['fix_depthLow_step1', 'fix_depthLow_step2', 'fix_depthLow_step3'],
    owners: [
      { role: 'design', task: 'task_depth_design' },
      { role: 'operations', task: 'task_depth_operations' },
    ],
  },
  visitorsFell: {
    id: 'visitorsFell',
    role: 'promotion',
    summary: 'fix_visitorsFell_summary',
    steps: ['fix_visitorsFell_step1', 'fix_visitorsFell_step2', 'fix_visitorsFell_step3'],
    owners: [
      { role: 'promotion', task: 'task_visitors_promotion' },
      { role: 'operations', task: 'task_visitors_operations' },
    ],
  },
  aovFell: {
    id: 'aovFell',
    role: 'merchandising',
    summary: 'fix_aovFell_summary',
    steps: ['fix_aovFell_step1', 'fix_aovFell_step2', 'fix_aovFell_step3'],
    owners: [
      { role: 'merchandising', task: 'task_aov_merchandising' },
      { role: 'service', task: 'task_aov_service' },
    ],
  },
  salesBelowTarget: {
    id: 'salesBelowTarget',
    role: 'operations',
    summary: 'fix_salesBelowTarget_summary',
    steps: ['fix_salesBelowTarget_step1', 'fix_salesBelowTarget_step2', 'fix_salesBelowTarget_step3'],
    owners: [
      { role: 'operations', task: 'task_target_operations' },
      { role: 'promotion', task: 'task_target_promotion' },
    ],
  },
  returningThin: {
    id: 'returningThin',
    role: 'service',
    summary: 'fix_returningThin_summary',
    steps: ['fix_returningThin_step1', 'fix_returningThin_step2', 'fix_returningThin_step3'],
    owners: [
      { role: 'service', task: 'task_returning_service' },
      { role: 'content', task: 'task_returning_content' },
    ],
  },
  leakingPage: {
    id: 'leakingPage',
    role: 'design',
    summary: 'fix_leakingPage_summary',
    steps: ['fix_leakingPage_step1', 'fix_leakingPage_step2', 'fix_leakingPage_step3'],
    owners: [
      { role: 'design', task: 'task_leaking_design' },
      { role: 'promotion', task: 'task_leaking_promotion' },
    ],
  },
  spendRatioHigh: {
    id: 'spendRatioHigh',
    role: 'promotion',
    summary: 'fix_spendRatioHigh_summary',
    steps: ['fix_spendRatioHigh_step1', 'fix_spendRatioHigh_step2', 'fix_spendRatioHigh_step3'],
    owners: [
      { role: 'promotion', task: 'task_spend_promotion' },
      { role: 'operations', task: 'task_spend_operations' },
    ],
  },
  roiLow: {
    id: 'roiLow',
    role: 'promotion',
    summary: 'fix_roiLow_summary',
    steps: ['fix_roiLow_step1', 'fix_roiLow_step2', 'fix_roiLow_step3'],
    owners: [
      { role: 'promotion', task: 'task_spend_promotion' },
      { role: 'design', task: 'task_roi_design' },
    ],
  },
};
