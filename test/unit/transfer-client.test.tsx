import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DataPanel, type Transfer } from '@/components/DataPanel';
import { translator } from '@/core/i18n';
import type { ImportReport } from '@/core/messages';
import { OPTIONS_SCREEN } from '@/core/strings/options';
import type { TransferReply, TransferRequest } from '@/core/transfer-protocol';

/**
 * The options page's side of an import when the browser stops the worker: the port closes, the file is
 * sent once more (an import merges), and a second loss is told as where it happened.
 */

/** How each port the page opens behaves: `lost` closes it after that request, else it answers like the background. */
type Script = { lostAfter?: TransferRequest['type'] };
const scripts: Script[] = [];
let opened = 0;

const REPORT: ImportReport = {
  format: 'csv',
  added: { targets: 0, daily: 1, readings: 0, alerts: 0, curves: 0 },
  duplicates: { targets: 0, daily: 0, readings: 0, alerts: 0, curves: 0 },
  rejected: [],
  rejectedCount: 0,
};

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      connect: () => {
        const script = scripts[opened++] ?? {};
        const onMessage: Array<(m: TransferReply) => void> = [];
        const onDisconnect: Array<() => void> = [];
        let closed = false;
        const reply = (m: TransferReply) => setTimeout(() => !closed && onMessage.forEach((l) => l(m)));
        return {
          onMessage: { addListener: (l: (m: TransferReply) => void) => void onMessage.push(l) },
          onDisconnect: { addListener: (l: () => void) => void onDisconnect.push(l) },
          disconnect: () => void (closed = true),
          postMessage: (request: TransferRequest) => {
            if (request.type === 'end') reply({ type: 'writing' });
            if (script.lostAfter === request.type) {
              setTimeout(() => {
                closed = true;
                onDisconnect.forEach((l) => l());
              }, 5);
              return;
            }
            reply(request.type === 'end' ? { type: 'report', report: REPORT } : { type: 'ack' });
          },
        };
      },
    },
  },
}));

const { importFile, TransferLost } = await import('@/core/transfer-client');
const CSV = new Blob(['date,site,store,metric,value\r\n2026-11-01,sycm,A,visitors,1\r\n']);

beforeEach(() => {
  scripts.length = 0;
  opened = 0;
});

describe('an import whose worker stops', () => {
  it('sends the file once more and returns what the second attempt found', async () => {
    scripts.push({ lostAfter: 'end' }, {});
    await expect(importFile(CSV, () => undefined)).resolves.toEqual(REPORT);
    expect(opened).toBe(2);
  });

  it('lost twice while reading: says so, as nothing written', async () => {
    scripts.push({ lostAfter: 'chunk' }, { lostAfter: 'import' });
    const error = await importFile(CSV, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferLost);
    expect((error as InstanceType<typeof TransferLost>).phase).toBe('reading');
    expect(opened).toBe(2);
  });

  it('lost twice while saving: says so, as all or nothing', async () => {
    scripts.push({ lostAfter: 'end' }, { lostAfter: 'end' });
    const error = await importFile(CSV, () => undefined).catch((e: unknown) => e);
    expect((error as InstanceType<typeof TransferLost>).phase).toBe('writing');
  });
});

describe('the data panel on a lost import or export', () => {
  async function panelSays(transfer: Partial<Transfer>, act: (root: HTMLElement) => void): Promise<string> {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    const t = translator('en', OPTIONS_SCREEN);
    const all: Transfer = {
      exportData: async () => ({}) as never,
      importData: async () => ({}) as never,
      applySettings: async () => [],
      ...transfer,
    };
    render(<DataPanel t={t} totalReadings={0} transfer={all} />, root);
    act(root);
    await vi.waitFor(() => expect(root.querySelector('[role=alert]')).not.toBeNull());
    return root.querySelector('[role=alert]')!.textContent!;
  }
  const pick = (root: HTMLElement) => {
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'x.csv')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };

  it('tells a loss while reading from one while saving', async () => {
    expect(await panelSays({ importData: async () => Promise.reject(new TransferLost('reading')) }, pick)).toMatch(
      /did not finish.*while reading the file\. Nothing was written/,
    );
    expect(await panelSays({ importData: async () => Promise.reject(new TransferLost('writing')) }, pick)).toMatch(
      /did not finish.*while saving\. The history holds either all of the file or none of it/,
    );
    expect(
      await panelSays({ exportData: async () => Promise.reject(new TransferLost('export')) }, (root) =>
        root.querySelector<HTMLButtonElement>('button')!.click(),
      ),
    ).toMatch(/Export failed: .*stopped before the file was complete/);
  });
});
