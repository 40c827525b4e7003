import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createService, type Sender } from '@/core/background/service';
import { SENDER_POLICY } from '@/core/background/senders';
import { EMPTY_BINDINGS } from '@/core/bindings';
import type { Database } from '@/core/db';
import type { MessageType } from '@/core/messages';
import { day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';
import { EXT, EXT_ORIGIN, pageSender, POPUP } from './support/senders';

/**
 * Message fuzzing against the background's handler: arbitrary payloads from arbitrary senders, for
 * every message type. It never throws, always answers something that can be sent back, and a message
 * it refuses (`{ error }`) leaves the database and the bindings exactly as they were.
 */

const NOW = noonOf('2026-11-26');
const TYPES = Object.keys(SENDER_POLICY) as MessageType[];

const urls = fc.oneof(
  fc.constantFrom(
    SYCM_URL,
    `${EXT_ORIGIN}popup.html`,
    'https://dash.example-shop.com/x',
    'https://evil.example/',
    'file:///etc/passwd',
    '',
  ),
  fc.webUrl(),
  fc.string(),
);
const senders: fc.Arbitrary<Sender> = fc.oneof(
  fc.constant(POPUP),
  fc.constant(pageSender(7, SYCM_URL)),
  fc.record(
    {
      id: fc.oneof(fc.constant(EXT), fc.string()),
      url: urls,
      frameId: fc.oneof(fc.constant(0), fc.integer({ min: -1, max: 5 })),
      tab: fc.record({ id: fc.oneof(fc.constant(7), fc.integer()), url: urls }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  ),
);
/** Anything, and things shaped like the real payloads with odd values inside. */
const payloads = fc.oneof(
  fc.anything(),
  fc.constant({}),
  fc.record(
    {
      site: fc.constantFrom('sycm', 'other', 'x'.repeat(300)),
      store: fc.string(),
      period: fc.record({
        kind: fc.constantFrom('day', 'range', 'week'),
        start: fc.string(),
        end: fc.constantFrom('2026-11-25', '9999-12-31'),
      }),
      observed: fc.array(
        fc.record({ metric: fc.constantFrom('visitors', 'bounceRate', 'x'), value: fc.double(), source: fc.anything() }),
        { maxLength: 3 },
      ),
      alertId: fc.string(),
      tabId: fc.integer(),
      format: fc.constantFrom('json', 'csv', 'xml'),
      text: fc.oneof(fc.string(), fc.constant('{"format":"storepulse-export","version":1,"exportedAt":"x","daily":[1]}')),
      action: fc.constantFrom('acknowledge', 'snooze', 'reopen', 'delete'),
      until: fc.double(),
    },
    { requiredKeys: [] },
  ),
);

async function snapshot(db: Database) {
  return JSON.stringify(await Promise.all((['readings', 'alerts', 'days', 'targets'] as const).map((s) => db.getAll(s))));
}

describe('message fuzzing', () => {
  it.each(TYPES)('%s: never throws, answers what can be sent, and a refusal changes nothing', async (type) => {
    const db = await freshDb('storepulse-fuzz');
    let saves = 0;
    const service = createService({
      extensionId: EXT,
      extensionOrigin: EXT_ORIGIN,
      openDb: async () => db,
      now: () => NOW,
      tabUrl: async (id) => (id === 7 ? SYCM_URL : undefined),
      injectReader: async () => ({ nonsense: true }),
      injectPicker: async () => undefined,
      bindings: { load: async () => EMPTY_BINDINGS, save: async () => void saves++ },
    });
    await service.handle(
      { type: 'report', payload: report([obs('bounceRate', 0.72)], day('2026-11-25')) },
      pageSender(7, SYCM_URL),
    );
    await fc.assert(
      fc.asyncProperty(payloads, senders, async (payload, sender) => {
        const before = await snapshot(db);
        const savesBefore = saves;
        // A throw fails the property: the handler must answer every message.
        const reply = await service.handle({ type, payload }, sender);
        expect(typeof reply).toBe('object');
        expect(reply).not.toBeNull();
        expect(() => structuredClone(reply)).not.toThrow();
        if (reply && typeof reply === 'object' && 'error' in reply) {
          expect(typeof (reply as { error: unknown }).error).toBe('string');
          expect(await snapshot(db)).toBe(before);
          expect(saves).toBe(savesBefore);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('answers { error } for a message of no known type, or no message at all', async () => {
    const db = await freshDb('storepulse-fuzz');
    const service = createService({ extensionId: EXT, openDb: async () => db, now: () => NOW });
    await fc.assert(
      fc.asyncProperty(fc.anything(), senders, async (message, sender) => {
        const m = message as { type?: unknown } | null;
        fc.pre(!(m && typeof m === 'object' && TYPES.includes(m.type as MessageType)));
        expect(await service.handle(message, sender)).toEqual({ error: expect.any(String) });
      }),
      { numRuns: 300 },
    );
    expect(await snapshot(db)).toBe(await snapshot(await freshDb('storepulse-fuzz')));
  });
});
