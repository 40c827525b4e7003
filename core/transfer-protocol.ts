import type { ImportReport } from './messages';

/**
 * Export and import travel over a runtime Port named `TRANSFER_PORT`, a bounded piece of the file per
 * message (Chrome refuses a message over 64 MiB; a history of fifty shops is larger). Only StorePulse's
 * own pages may connect. Export: the page asks once, the background answers `file`, then `chunk`s with
 * their progress, then `end`. Import: the page sends `import`, then each `chunk` after the `ack` of the
 * one before, then `end`; the background answers `writing` while its one transaction runs, then
 * `report`. Either side may get `error` at any point, and nothing has been written then.
 */
export const TRANSFER_PORT = 'storepulse-transfer';
/** Largest piece of a file in one message, in characters. */
export const TRANSFER_CHUNK_CHARS = 1 << 20;
/** Files larger than this are refused before they are read (fifty shops over three years: about 170 MB of JSON). */
export const MAX_IMPORT_BYTES = 1 << 30;

export type TransferRequest =
  | { type: 'export'; format: 'json' | 'csv' }
  | { type: 'import'; size: number }
  | { type: 'chunk'; text: string }
  | { type: 'end' };

export type TransferReply =
  | { type: 'file'; filename: string; mime: string }
  | { type: 'chunk'; text: string; done: number; total: number }
  | { type: 'end' }
  | { type: 'ack' }
  | { type: 'writing' }
  | { type: 'report'; report: ImportReport }
  | { type: 'error'; message: string };
