import browser from 'webextension-polyfill';
import type { ImportReport } from './messages';
import {
  MAX_IMPORT_BYTES,
  TRANSFER_CHUNK_CHARS,
  TRANSFER_PORT,
  type TransferReply,
  type TransferRequest,
} from './transfer-protocol';

/**
 * The options page's side of export and import: the file streams over the transfer port a bounded
 * piece at a time (see `TransferRequest`), with progress. A file is looked at before it is read whole:
 * one too large, or whose first bytes are not an export, is refused at once.
 */

export interface TransferProgress {
  /** `writing`: the import's one transaction is running (no count to show). */
  phase: 'export' | 'import' | 'writing';
  done: number;
  total: number;
}

/** A file refused before it was read: `tooLarge` or `notExport`, for the page to word. */
export class TransferRefused extends Error {
  constructor(readonly kind: 'tooLarge' | 'notExport') {
    super(kind);
  }
}

/**
 * The background stopped before the transfer ended (the browser stops its worker when idle or busy, and
 * the port closes with it). `reading`: the import had not begun writing, so nothing was written;
 * `writing`: its one transaction had begun, so the history holds all of the file or none of it.
 */
export class TransferLost extends Error {
  constructor(readonly phase: 'export' | 'reading' | 'writing') {
    super(`StorePulse’s background stopped during the ${phase === 'export' ? 'export' : 'import'}`);
  }
}

/** How much of a file is looked at to tell whether it is an export. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Whether the start of a file can be an export: a JSON export opens with its format (StorePulse writes
 * it first), a CSV of daily values with a header naming the columns import needs.
 */
export function looksLikeExport(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return /^\{\s*"format"\s*:\s*"storepulse-export"/.test(text);
  const header = (text.split(/\r?\n/, 1)[0] ?? '').split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  return ['date', 'site', 'store', 'metric', 'value'].every((c) => header.includes(c));
}

function open(): browser.Runtime.Port {
  return browser.runtime.connect({ name: TRANSFER_PORT });
}

/** Runs one transfer: sends `first`, then answers each reply with `next` until it resolves or fails. */
function converse<T>(
  first: TransferRequest,
  lost: () => TransferLost,
  onReply: (reply: TransferReply, send: (request: TransferRequest) => void) => T | undefined | Promise<T | undefined>,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const port = open();
    let settled = false;
    const finish = (error: Error | null, value?: T) => {
      if (settled) return;
      settled = true;
      port.disconnect();
      if (error) reject(error);
      else resolve(value as T);
    };
    port.onDisconnect.addListener(() => finish(lost()));
    port.onMessage.addListener((message: unknown) => {
      const reply = message as TransferReply;
      if (reply.type === 'error') return finish(new Error(reply.message));
      Promise.resolve(onReply(reply, (request) => port.postMessage(request))).then(
        (value) => value !== undefined && finish(null, value),
        (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
      );
    });
    port.postMessage(first);
  });
}

/** Exports the whole history as a Blob, piece by piece. */
export function exportFile(
  format: 'json' | 'csv',
  progress: (p: TransferProgress) => void,
): Promise<{ filename: string; blob: Blob }> {
  const parts: string[] = [];
  let file: { filename: string; mime: string } | undefined;
  return converse(
    { type: 'export', format },
    () => new TransferLost('export'),
    (reply) => {
      if (reply.type === 'file') file = { filename: reply.filename, mime: reply.mime };
      else if (reply.type === 'chunk') {
        parts.push(reply.text);
        progress({ phase: 'export', done: reply.done, total: reply.total });
      } else if (reply.type === 'end' && file) return { filename: file.filename, blob: new Blob(parts, { type: file.mime }) };
      return undefined;
    },
  );
}

/**
 * Imports a file piece by piece; refuses one too large or not an export before reading it whole. When
 * the background stops mid-way the file is sent once more: an import merges, so the second report says
 * what the first attempt left (its days imported now, or found already there). Lost twice: TransferLost.
 */
export async function importFile(file: Blob, progress: (p: TransferProgress) => void): Promise<ImportReport> {
  if (file.size > MAX_IMPORT_BYTES) throw new TransferRefused('tooLarge');
  if (!looksLikeExport(await file.slice(0, SNIFF_BYTES).text())) throw new TransferRefused('notExport');
  try {
    return await importOnce(file, progress);
  } catch (error) {
    if (!(error instanceof TransferLost)) throw error;
    return importOnce(file, progress);
  }
}

function importOnce(file: Blob, progress: (p: TransferProgress) => void): Promise<ImportReport> {
  const decoder = new TextDecoder('utf-8');
  let offset = 0;
  let ended = false;
  let writing = false;
  const lost = () => new TransferLost(writing ? 'writing' : 'reading');
  return converse<ImportReport>({ type: 'import', size: file.size }, lost, async (reply, send) => {
    if (reply.type === 'report') return reply.report;
    if (reply.type === 'writing') {
      writing = true;
      progress({ phase: 'writing', done: file.size, total: file.size });
    }
    if (reply.type !== 'ack' || ended) return undefined;
    if (offset >= file.size) {
      ended = true;
      const rest = decoder.decode();
      send(rest ? { type: 'chunk', text: rest } : { type: 'end' });
      if (rest) send({ type: 'end' });
      return undefined;
    }
    // Bytes, decoded with the stream flag: a character split between two pieces is kept whole.
    const bytes = await file.slice(offset, offset + TRANSFER_CHUNK_CHARS).arrayBuffer();
    offset += bytes.byteLength;
    send({ type: 'chunk', text: decoder.decode(bytes, { stream: true }) });
    progress({ phase: 'import', done: offset, total: file.size });
    return undefined;
  });
}
