import { z } from 'zod';
import { LIMITS } from './limits';
import type { PageReport } from './messages';
import { METRIC_IDS, type MetricId } from './metrics';
import { isIsoDate } from './review/dates';
import { FIXES } from './fixes';
import { TRANSFER_CHUNK_CHARS } from './transfer-protocol';
import type { MessageType, ProtocolMap } from './messages';
import type { FixId } from './rules';
import { repairSettings, type Settings } from './settings';

/**
 * Validation where trust ends: every message a content script or page sends reaches a handler only
 * after it parses here. Only the background imports this module (zod is too big for content scripts).
 */

/** A real calendar day, YYYY-MM-DD (2026-13-45 and 2026-02-30 are refused). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate, { message: 'not a calendar day' });
const shortText = (max: number) => z.string().max(max);

export const periodSchema = z
  .object({
    kind: z.enum(['day', 'range', 'realtime', 'unknown']),
    start: isoDate,
    end: isoDate,
    inferred: z.literal(true).optional(),
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
  breakdown: z.object({ dimension: shortText(LIMITS.dimension).min(1), key: shortText(LIMITS.key).min(1) }).optional(),
  peer: shortText(LIMITS.peer).min(1).optional(),
  period: periodSchema.optional(),
  source: z.object({
    reader: z.enum(['adapter', 'generic', 'binding']),
    adapter: shortText(LIMITS.adapter).optional(),
    locator: shortText(LIMITS.locator),
    label: shortText(LIMITS.label),
    raw: shortText(LIMITS.raw),
  }),
});

/**
 * A list of readings, each validated on its own: one that fails (a text too long, a value not a
 * number) is left out, and the others are kept (the gate counts what was left out).
 */
const readingsSchema = z
  .array(z.unknown())
  .max(LIMITS.readings)
  .transform((items) => {
    const observed: z.output<typeof observedSchema>[] = [];
    for (const item of items) {
      const one = observedSchema.safeParse(item);
      if (one.success) observed.push(one.data);
    }
    return observed;
  });

export const pageReportSchema = z.object({
  site: shortText(LIMITS.site).min(1),
  store: shortText(LIMITS.store).min(1),
  period: periodSchema,
  observed: readingsSchema,
});

/** What the page reader injected by "read this page" returns (core/reader/other.ts). */
export const otherReadSchema = z.object({
  period: periodSchema,
  observed: z.array(observedSchema).max(LIMITS.readings),
  unreadable: z.number().int().min(0).max(100_000),
});

const tabRef = z.object({ tabId: z.number().int().min(0) }).strict();

export const messageSchemas = {
  report: pageReportSchema,
  dismiss: z.object({ alertId: shortText(600).min(1) }),
  pageStatus: z.object({
    site: shortText(LIMITS.site).min(1),
    store: shortText(LIMITS.store).min(1),
    found: z.number().int().min(0).max(100_000),
    unreadable: z.number().int().min(0).max(100_000),
    own: z.array(metricIdSchema).max(METRIC_IDS.length),
    unsettled: z.array(metricIdSchema).max(METRIC_IDS.length).optional(),
  }),
  popupState: z.object({}).strict(),
  pageSetup: z.object({}).strict(),
  readPage: tabRef,
  pickOnPage: tabRef,
  badgeCode: z.object({}).strict(),
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
  setTarget: z.lazy(() => monthTargetSchema),
  alertAction: z.lazy(() => alertActionSchema),
  review: z.object({ first: z.boolean().optional() }).strict(),
  trend: z.lazy(() => trendRequestSchema),
  settings: z.object({}).strict(),
  // The settings' own repair is their validator: settings it would change are refused, with its notes.
  saveSettings: z
    .object({
      settings: z.custom<Settings>().superRefine((value, ctx) => {
        const { notes } = repairSettings(value);
        if (value === undefined || value === null) ctx.addIssue({ code: 'custom', message: 'no settings' });
        else if (notes.length > 0) ctx.addIssue({ code: 'custom', message: notes.join('; ') });
      }),
    })
    .strict(),
  boundCount: z.object({ origin: z.url().max(600) }).strict(),
  syncStatus: z.object({}).strict(),
  chooseSync: z.object({ optIn: z.boolean() }).strict(),
  pace: z.object({}).strict(),
} as const satisfies { [K in MessageType]: z.ZodType<ProtocolMap[K]['payload']> };

/**
 * `satisfies` above: each message has a schema, and what it lets through is its payload type. This
 * checks the other way too, that no field of a payload type is missing from its schema: a mismatch
 * names the message here.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Drifted = {
  [K in MessageType]: Same<z.output<(typeof messageSchemas)[K]>, ProtocolMap[K]['payload']> extends true ? never : K;
}[MessageType];
const schemasMatchProtocol: [Drifted] extends [never] ? true : Drifted = true;
void schemasMatchProtocol;

/** A message on the transfer port (core/messages.ts `TransferRequest`). */
export const transferRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('export'), format: z.enum(['json', 'csv']) }).strict(),
  z.object({ type: z.literal('import'), size: z.number().int().min(0) }).strict(),
  z.object({ type: z.literal('chunk'), text: z.string().max(TRANSFER_CHUNK_CHARS) }).strict(),
  z.object({ type: z.literal('end') }).strict(),
]);

export const envelopeSchema = z.object({
  type: z.enum(Object.keys(messageSchemas) as [keyof typeof messageSchemas, ...(keyof typeof messageSchemas)[]]),
  payload: z.unknown(),
});

const isoMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const money = z.number().finite().min(0).max(1e13);
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/)
  .optional();
const breakdownSchema = z.object({ dimension: shortText(80).min(1), key: shortText(120).min(1) });
const sourceSchema = observedSchema.shape.source;

export const monthTargetSchema = z
  .object({
    site: shortText(40).min(1),
    store: shortText(120).min(1),
    month: isoMonth,
    amount: money,
    currency,
    split: z.enum(['even', 'weekday', 'plan']),
    weekdayWeights: z.array(z.number().finite().min(0).max(1e6)).length(7).optional(),
    plan: z.record(isoDate, money).optional(),
    /** 费比 ceiling as a fraction: above 0, at most 10 (1000%). */
    spendRatioCeiling: z.number().finite().gt(0).max(10).optional(),
  })
  .refine((t) => t.split !== 'weekday' || (t.weekdayWeights ?? []).some((w) => w > 0), {
    message: 'weekday split needs 7 weights, not all zero',
  })
  .refine((t) => t.split !== 'plan' || Object.keys(t.plan ?? {}).every((d) => d.startsWith(`${t.month}-`)), {
    message: 'plan days must fall in the target month',
  });

export const alertActionSchema = z.object({
  alertId: shortText(600).min(1),
  action: z.enum(['acknowledge', 'snooze', 'reopen']),
  until: z.number().int().positive().optional(),
});

export const trendRequestSchema = z.object({
  site: shortText(40).min(1),
  store: shortText(120).min(1),
  metric: metricIdSchema,
  days: z.union([z.literal(7), z.literal(30), z.literal(90)]),
});

/** One reading as the export file carries it (no database id: ids are assigned on import). */
export const exportedReadingSchema = z.object({
  series: shortText(800).min(1),
  metric: metricIdSchema,
  value: z.number().finite(),
  currency,
  period: periodSchema,
  periodKey: shortText(40).min(1),
  store: shortText(120).min(1),
  site: shortText(40).min(1),
  breakdown: breakdownSchema.optional(),
  peer: shortText(120).min(1).optional(),
  observedAt: z.number().int().nonnegative(),
  url: shortText(2000),
  source: sourceSchema,
});

export const exportedDailySchema = z.object({
  id: shortText(800).min(1),
  site: shortText(40).min(1),
  store: shortText(120).min(1),
  metric: metricIdSchema,
  part: shortText(300),
  date: isoDate,
  value: z.number().finite(),
  currency,
  breakdown: breakdownSchema.optional(),
  peer: shortText(120).min(1).optional(),
  provisional: z.boolean(),
  observedAt: z.number().int().nonnegative(),
});

const historyEntrySchema = z.object({
  at: z.number().int().nonnegative(),
  event: z.enum(['opened', 'worse', 'better', 'acknowledged', 'snoozed', 'reopened', 'resolved']),
  value: z.number().finite().optional(),
  severity: z.enum(['warn', 'critical']).optional(),
});

export const exportedAlertSchema = z.object({
  id: shortText(600).min(1),
  site: shortText(40).min(1),
  store: shortText(120).min(1),
  metric: metricIdSchema,
  ruleId: shortText(120).min(1),
  severity: z.enum(['warn', 'critical']),
  direction: z.enum(['above', 'below']),
  fix: z.enum(Object.keys(FIXES) as [FixId, ...FixId[]]),
  value: z.number().finite(),
  currency,
  threshold: z.number().finite(),
  period: periodSchema,
  periodKey: shortText(40).min(1),
  status: z.enum(['open', 'resolved', 'dismissed', 'acknowledged']),
  firstSeen: z.number().int().nonnegative(),
  lastSeen: z.number().int().nonnegative(),
  dismissedUntil: z.number().int().nonnegative().optional(),
  resolvedAt: z.number().int().nonnegative().optional(),
  acknowledgedAt: z.number().int().nonnegative().optional(),
  history: z.array(historyEntrySchema).max(200).optional(),
  url: shortText(2000),
  source: sourceSchema,
});

export const exportedTargetSchema = z.intersection(
  monthTargetSchema,
  z.object({ id: shortText(300).min(1), updatedAt: z.number().int().nonnegative() }),
);

/** One day's curve of a real-time board as the export file carries it (core/intraday-curves.ts). */
export const exportedCurveSchema = z
  .object({
    site: shortText(40).min(1),
    store: shortText(120).min(1),
    metric: metricIdSchema,
    part: shortText(300),
    date: isoDate,
    step: z.union([z.literal(10), z.literal(60)]),
    values: z.array(z.number().finite().nullable()).max(144),
    currency,
    breakdown: breakdownSchema.optional(),
    timeZone: shortText(64).min(1).optional(),
  })
  .refine((c) => c.values.length * c.step <= 1440, { message: 'more slots than the day has', path: ['values'] });

/** The envelope of an export file; its sections' records are validated one by one. */
export const exportFileSchema = z.object({
  format: z.literal('storepulse-export'),
  version: z.number().int().positive(),
  exportedAt: z.string().max(40),
  settings: z.unknown().optional(),
  targets: z.array(z.unknown()).default([]),
  daily: z.array(z.unknown()).default([]),
  readings: z.array(z.unknown()).default([]),
  alerts: z.array(z.unknown()).default([]),
  curves: z.array(z.unknown()).default([]),
});
