import { describe, expect, it } from 'vitest';
import { createService } from '@/core/background/service';
import { exportText } from '@/core/background/transfer/export';
import { loadSettings, type StorageArea } from '@/core/settings-store';
import { day, freshDb, noonOf, obs, report, SYCM_URL } from './support/db';
import { importOver } from './support/port';
import { EXT, pageSender, POPUP } from './support/senders';

/** Smaller failure paths: nothing that is not the reading itself may make a report or an import fail. */

const NOW = noonOf('2026-11-26');
const TAB = pageSender(7, SYCM_URL);

/** storage.local holding hand-edited settings, on a full disk. */
function fullDisk(settings: unknown): StorageArea {
  return {
    get: async () => ({ settings }),
    set: async () => {
      throw new DOMException('quota', 'QuotaExceededError');
    },
  };
}

describe('failure paths', () => {
  it('stores a report by the repaired settings when writing the repair back fails', async () => {
    const broken = { version: 2, language: 'klingon', rules: { taobao: { 'bounce-high': { critical: 0.8 } } } };
    const loaded = await loadSettings(fullDisk(broken));
    expect(loaded.settings.rules.taobao?.['bounce-high']?.critical).toBe(0.8);
    expect(loaded.notes.at(-1)).toMatch(/could not be saved yet/);
    const db = await freshDb('storepulse-failures');
    const service = createService({
      extensionId: EXT,
      openDb: async () => db,
      now: () => NOW,
      loadSettings: async () => (await loadSettings(fullDisk(broken))).settings,
    });
    const reply = await service.handle({ type: 'report', payload: report([obs('bounceRate', 0.75)], day('2026-11-25')) }, TAB);
    // 75% is under the operator's own critical line of 80%: a warning, judged by the repaired settings.
    expect(reply).toMatchObject({ stored: 1, evaluations: [{ metric: 'bounceRate', severity: 'warn', threshold: 0.6 }] });
  });

  it('refuses an import whose settings nest 200,000 deep, before writing anything, with a reply that can be sent', async () => {
    const db = await freshDb('storepulse-failures');
    const service = createService({ extensionId: EXT, openDb: async () => db, now: () => NOW });
    await service.handle({ type: 'report', payload: report([obs('visitors', 3120)], day('2026-11-25')) }, TAB);
    const file = JSON.stringify({ ...JSON.parse(await exportText(db, 'json', NOW)), settings: 'DEEP' });
    const depth = 200_000;
    const text = file.replace('"DEEP"', '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
    await db.clear('days');
    const reply = await importOver(service, POPUP, text);
    // What goes back over the port must survive structured cloning.
    expect(() => structuredClone(reply)).not.toThrow();
    expect(reply.error).toMatch(/nothing changed: .*settings are nested deeper/);
    expect(await db.count('days')).toBe(0);
  });
});
