import { expect } from 'vitest';
import type { Service, TransferPort } from '@/core/background/service';
import type { ImportReport } from '@/core/messages';
import { TRANSFER_CHUNK_CHARS, TRANSFER_PORT, type TransferReply, type TransferRequest } from '@/core/transfer-protocol';

/** A port as the browser gives the background, driven from the test as the options page would. */
export function fakePort(sender: TransferPort['sender']) {
  const replies: TransferReply[] = [];
  const listeners: Array<(m: unknown) => void> = [];
  let disconnected = false;
  const port: TransferPort = {
    name: TRANSFER_PORT,
    ...(sender ? { sender } : {}),
    postMessage: (m) => void replies.push(m),
    onMessage: { addListener: (l) => void listeners.push(l) },
    onDisconnect: { addListener: () => undefined },
    disconnect: () => void (disconnected = true),
  };
  const send = (m: TransferRequest | Record<string, unknown>) => listeners.forEach((l) => l(m));
  const next = async (type: TransferReply['type']) => {
    await expect.poll(() => replies.some((r) => r.type === type || r.type === 'error')).toBe(true);
    const found = replies.find((r) => r.type === type || r.type === 'error')!;
    replies.splice(replies.indexOf(found), 1);
    return found;
  };
  return { port, send, next, replies, disconnected: () => disconnected, listening: () => listeners.length > 0 };
}

/** The whole export text as the options page gathers it from the port. */
export async function exportOver(service: Service, sender: TransferPort['sender'], format: 'json' | 'csv'): Promise<string> {
  const out = fakePort(sender);
  service.connect(out.port);
  out.send({ type: 'export', format });
  const first = await out.next('file');
  if (first.type === 'error') throw new Error(first.message);
  const end = await out.next('end');
  if (end.type === 'error') throw new Error(end.message);
  return out.replies.map((r) => (r.type === 'chunk' ? r.text : '')).join('');
}

/** Sends `text` over a port in pieces as large as the port takes; the background's report, or its error reply. */
export async function importOver(
  service: Service,
  sender: TransferPort['sender'],
  text: string,
): Promise<{ report?: ImportReport; error?: string }> {
  const into = fakePort(sender);
  service.connect(into.port);
  into.send({ type: 'import', size: text.length });
  const steps: TransferRequest[] = [];
  for (let at = 0; at < text.length; at += TRANSFER_CHUNK_CHARS)
    steps.push({ type: 'chunk', text: text.slice(at, at + TRANSFER_CHUNK_CHARS) });
  steps.push({ type: 'end' });
  let reply = await into.next('ack');
  for (const step of steps) {
    if (reply.type === 'error') return { error: reply.message };
    into.send(step);
    reply = await into.next(step.type === 'end' ? 'report' : 'ack');
  }
  if (reply.type === 'error') return { error: reply.message };
  return reply.type === 'report' ? { report: reply.report } : { error: `unexpected ${reply.type}` };
}
