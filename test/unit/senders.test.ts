import { describe, expect, it } from 'vitest';
import { createService, type Sender } from '@/core/background/service';
import { SENDER_POLICY } from '@/core/background/senders';
import { withBinding, EMPTY_BINDINGS } from '@/core/bindings';
import { openDatabase, type Database } from '@/core/db';
import { DEFAULT_SETTINGS } from '@/core/settings';
import { settingsStore, type StorageArea } from '@/core/settings-store';
import { badgeStrings } from '@/core/background/badge-words';
import type { MessageType } from '@/core/messages';
import { messageSchemas } from '@/core/schemas';
import { exportOver, fakePort, importOver } from './support/port';
import { EXT, EXT_ORIGIN, pageSender, POPUP } from './support/senders';
import { memoryArea } from './support/sync';

/**
 * Who may ask for what: a content script on a back office may send only what its page session needs;
 * everything else comes only from StorePulse's own pages. A refused message changes nothing.
 */

const SYCM = 'https://sycm.taobao.com/portal/home.htm';
const SHOPIFY = 'https://admin.shopify.com/store/demo/analytics';
const NOON = new Date(2026, 10, 26, 12, 0, 0).getTime();
let n = 0;
const binding = (metric: 'visits' | 'orders') => ({
  metric,
  label: metric,
  labelFirst: true,
  path: ['b:1'],
  raw: '1',
  savedAt: 1,
});
const BOUND = withBinding(
  withBinding(EMPTY_BINDINGS, 'https://dash.example-shop.com', binding('visits')),
  'https://other.example-shop.com',
  binding('orders'),
);

const observed = (metric: string, value: number) => ({
  metric,
  value,
  source: { reader: 'generic', adapter: 'sycm', locator: 'div > b', label: metric, raw: String(value) },
});
const sycmReport = {
  site: 'sycm',
  store: '小雨的旗舰店',
  period: { kind: 'day', start: '2026-11-25', end: '2026-11-25' },
  observed: [observed('bounceRate', 0.7231), observed('visitors', 3120)],
};

async function seeded() {
  const db = await openDatabase(`storepulse-senders-${++n}`);
  const prefs = memoryArea();
  const settings = settingsStore(prefs);
  await settings.save({ ...DEFAULT_SETTINGS, language: 'zh-TW' });
  const service = createService({
    extensionId: EXT,
    extensionOrigin: EXT_ORIGIN,
    openDb: async () => db,
    now: () => NOON,
    tabUrl: async () => SYCM,
    loadSettings: async () => (await settings.load()).settings,
    settingsStore: settings,
    bindings: { load: async () => BOUND, save: async () => undefined },
    injectReader: async () => ({ period: sycmReport.period, observed: [], unreadable: 0 }),
    injectPicker: async () => undefined,
  });
  const reply = (await service.handle({ type: 'report', payload: sycmReport }, pageSender(7, SYCM))) as {
    evaluations: Array<{ alertId: string }>;
  };
  const alertId = reply.evaluations[0]!.alertId;
  return { db, service, alertId, exportText: await exportOver(service, POPUP, 'json'), prefs };
}

/** The database and the settings as stored. */
async function everything(db: Database, prefs?: StorageArea) {
  return Promise.all([
    ...(['readings', 'alerts', 'days', 'targets'] as const).map((s) => db.getAll(s)),
    prefs?.get(['settings', 'settingsNotes']),
  ]);
}

/** A payload that passes validation for each type, so a refusal can only come from the sender. */
function payloads(alertId: string): { [K in MessageType]: unknown } {
  return {
    pageSetup: {},
    report: sycmReport,
    pageStatus: { site: 'sycm', store: '小雨的旗舰店', found: 2, unreadable: 0, own: ['bounceRate'] },
    dismiss: { alertId },
    badgeCode: {},
    saveBinding: { metric: 'visits', label: 'Sessions', labelFirst: true, path: ['div:1'], raw: '1' },
    popupState: {},
    readPage: { tabId: 7 },
    pickOnPage: { tabId: 7 },
    shops: {},
    setTarget: { site: 'sycm', store: '小雨的旗舰店', month: '2026-11', amount: 300_000, currency: 'CNY', split: 'even' },
    alertAction: { alertId, action: 'acknowledge' },
    review: {},
    trend: { site: 'sycm', store: '小雨的旗舰店', metric: 'visitors', days: 7 },
    settings: {},
    saveSettings: { settings: { ...DEFAULT_SETTINGS, language: 'en', rules: { taobao: { 'bounce-high': { critical: 0.99 } } } } },
    boundCount: { origin: 'https://dash.example-shop.com' },
    syncStatus: {},
    chooseSync: { optIn: true },
    pace: {},
  };
}

const TYPES = Object.keys(SENDER_POLICY) as MessageType[];
const PRIVILEGED = TYPES.filter((t) => !SENDER_POLICY[t].includes('page'));

describe('the sender policy', () => {
  it('names every message type, and gives pages only what their session needs', () => {
    expect(TYPES.sort()).toEqual(Object.keys(messageSchemas).sort());
    expect(TYPES.filter((t) => SENDER_POLICY[t].includes('page')).sort()).toEqual(
      ['badgeCode', 'dismiss', 'pageSetup', 'pageStatus', 'report', 'saveBinding'].sort(),
    );
  });

  it('every payload used below is valid, so refusals come from the sender alone', async () => {
    const { alertId } = await seeded();
    const all = payloads(alertId);
    for (const type of TYPES) expect(messageSchemas[type].safeParse(all[type]).success, type).toBe(true);
  });

  const contentScripts: Array<[string, Sender]> = [
    ['the content script on a back office', pageSender(7, SYCM)],
    ['the content script on another back office', pageSender(8, SHOPIFY)],
    [
      'a StorePulse page framed in a web page',
      { id: EXT, url: `${EXT_ORIGIN}allow.html`, frameId: 4, tab: { id: 7, url: SYCM } },
    ],
  ];

  describe.each(contentScripts)('from %s', (_name, sender) => {
    it('closes the transfer port unheard: no export, no import, nothing changed', async () => {
      const { db, service, exportText } = await seeded();
      const before = await everything(db);
      const out = fakePort(sender);
      service.connect(out.port);
      expect(out.disconnected()).toBe(true);
      out.send({ type: 'export', format: 'json' });
      const into = fakePort(sender);
      service.connect(into.port);
      expect(into.disconnected()).toBe(true);
      into.send({ type: 'import', size: exportText.length });
      into.send({ type: 'chunk', text: exportText.replace('3120', '9999') });
      into.send({ type: 'end' });
      // Let anything a listener would have started run to its end.
      await new Promise((r) => setTimeout(r, 50));
      expect(out.replies).toEqual([]);
      expect(into.replies).toEqual([]);
      expect(await everything(db)).toEqual(before);
    });

    it.each(PRIVILEGED)('refuses %s and changes nothing', async (type) => {
      const { db, service, alertId, prefs } = await seeded();
      const before = await everything(db, prefs);
      const reply = (await service.handle({ type, payload: payloads(alertId)[type] }, sender)) as {
        error?: string;
      };
      expect(reply.error).toMatch(new RegExp(`^${type} refused`));
      expect(await everything(db, prefs)).toEqual(before);
    });
  });

  it('takes each privileged message from the popup and from the options page in a tab', async () => {
    const optionsTab: Sender = {
      id: EXT,
      url: `${EXT_ORIGIN}options.html`,
      frameId: 0,
      tab: { id: 2, url: `${EXT_ORIGIN}options.html` },
    };
    for (const sender of [POPUP, optionsTab]) {
      const { service, alertId, exportText } = await seeded();
      const all = payloads(alertId);
      for (const type of PRIVILEGED) {
        const reply = (await service.handle({ type, payload: all[type] }, sender)) as { error?: string };
        expect(reply.error ?? '', type).not.toMatch(/refused/);
      }
      expect(await exportOver(service, sender, 'csv')).toMatch(/^date,site,store,metric/);
      const imported = await importOver(service, sender, exportText.replace('3120', '9999'));
      expect(imported.error).toBeUndefined();
      expect(imported.report?.added.daily).toBe(1);
    }
  });

  it('refuses page messages from the popup, a sub-frame, a frame of another origin and a non-web tab', async () => {
    const { db, service, alertId } = await seeded();
    const before = await everything(db);
    const all = payloads(alertId);
    const senders: Sender[] = [
      POPUP,
      { ...pageSender(7, SYCM), frameId: 3 },
      { ...pageSender(7, SYCM), url: 'https://evil.example/frame.html' },
      { id: EXT, url: 'file:///tmp/x.html', frameId: 0, tab: { id: 7, url: 'file:///tmp/x.html' } },
      { id: EXT, frameId: 0, tab: { id: 7, url: SYCM } },
    ];
    for (const sender of senders)
      for (const type of ['pageSetup', 'report', 'pageStatus', 'saveBinding'] as const) {
        const reply = (await service.handle({ type, payload: all[type] }, sender)) as { error?: string };
        expect(reply.error, `${type} from ${JSON.stringify(sender)}`).toMatch(/refused/);
      }
    expect(await everything(db)).toEqual(before);
  });

  it('lets a page dismiss only an alert raised on its own site and origin', async () => {
    const { db, service, alertId } = await seeded();
    const before = await everything(db);
    const foreign = (await service.handle({ type: 'dismiss', payload: { alertId } }, pageSender(8, SHOPIFY))) as {
      error?: string;
    };
    expect(foreign.error).toMatch(/only its own alerts/);
    const unknown = (await service.handle({ type: 'dismiss', payload: { alertId: 'sycm|x|y|z' } }, pageSender(7, SYCM))) as {
      error?: string;
    };
    expect(unknown.error).toMatch(/only its own alerts/);
    expect(await everything(db)).toEqual(before);
    expect(await service.handle({ type: 'dismiss', payload: { alertId } }, pageSender(9, `${SYCM}?again`))).toEqual({ ok: true });
    expect((await db.get('alerts', alertId))!.status).toBe('dismissed');
  });

  it('gives a page the language, the badge strings in it and the numbers bound on its own origin only', async () => {
    const { service } = await seeded();
    const words = badgeStrings('zh-TW');
    expect(await service.handle({ type: 'pageSetup', payload: {} }, pageSender(3, 'https://dash.example-shop.com/x?y'))).toEqual({
      language: 'zh-TW',
      locale: 'zh-TW',
      strings: words,
      bindings: [binding('visits')],
    });
    expect(await service.handle({ type: 'pageSetup', payload: {} }, pageSender(7, SYCM))).toEqual({
      language: 'zh-TW',
      locale: 'zh-TW',
      strings: words,
      bindings: [],
    });
    // One language only, and every key the badge shows: a rule's sentence, a fix, a metric's name.
    expect(words.badge_open).toBe('查看建議');
    for (const key of ['rule_above', 'fix_bounceHigh_summary', 'metric_bounceRate', 'badge_note'])
      expect(words[key]).toBeTruthy();
    expect(await service.handle({ type: 'pageSetup', payload: {} }, POPUP)).toMatchObject({ error: /refused/ });
  });
});
