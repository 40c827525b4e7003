import { z } from 'zod';
import { METRIC_IDS, type MetricId } from './metrics';

/**
 * Validation where trust ends: every message a content script or page sends reaches a handler only
 * after it parses here. Only the background imports this module (zod is too big for content scripts).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const shortText = (max: number) => z.string().max(max);

export const periodSchema = z
  .object({
    kind: z.enum(['day', 'range', 'realtime', 'unknown']),
    start: isoDate,
    end: isoDate,
  })
  .refine((p) => p.start <= p.end, { message: 'period ends before it starts' });

export const metricIdSchema = z.enum(METRIC_IDS as [MetricId, ...MetricId[]]);

export const observedSchema = z.object({
  metric: metricIdSchema,
  value: z.number().finite(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  breakdown: z.object({ dimension: shortText(80).min(1), key: shortText(120).min(1) }).optional(),
  peer: shortText(120).min(1).optional(),
  source: z.object({
    reader: z.enum(['adapter', 'generic', 'binding']),
    adapter: shortText(40).optional(),
    locator: shortText(600),
    label: shortText(120),
    raw: shortText(120),
  }),
});

export const pageReportSchema = z.object({
  site: shortText(40).min(1),
  store: shortText(120).min(1),
  period: periodSchema,
  observed: z.array(observedSchema).max(2000),
});

/** What the page reader injected by "read this page" returns (core/reader/other.ts). */
export const otherReadSchema = z.object({
  period: periodSchema,
  observed: z.array(observedSchema).max(2000),
  unreadable: z.number().int().min(0).max(100_000),
});

const tabRef = z.object({ tabId: z.number().int().min(0) }).strict();

export const messageSchemas = {
  report: pageReportSchema,
  dismiss: z.object({ alertId: shortText(600).min(1) }),
  pageStatus: z.object({
    site: shortText(40).min(1),
    store: shortText(120).min(1),
    found: z.number().int().min(0).max(100_000),
    unreadable: z.number().int().min(0).max(100_000),
    own: z.array(metricIdSchema).max(METRIC_IDS.length),
  }),
  popupState: z.object({}).strict(),
  readPage: tabRef,
  pickOnPage: tabRef,
  saveBinding: z
    .object({
      metric: metricIdSchema,
      label: shortText(120),
      labelFirst: z.boolean(),
      path: z.array(z.string().regex(/^[a-z][a-z0-9-]{0,40}:\d{1,4}$/)).max(60),
      raw: shortText(120),
    })
    .strict(),
  shops: z.object({}).strict(),
} as const;

export const envelopeSchema = z.object({
  type: z.enum(Object.keys(messageSchemas) as [keyof typeof messageSchemas, ...(keyof typeof messageSchemas)[]]),
  payload: z.unknown(),
});
