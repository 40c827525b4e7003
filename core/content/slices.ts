/**
 * Giving the page the main thread back in the middle of a read. `scheduler.yield()` where the browser
 * has it (Chrome 129+: the read continues ahead of other queued tasks, so a yield costs little time);
 * elsewhere (COMPAT(firefox) without the Scheduler API, the test DOM) a MessageChannel message, which,
 * unlike a nested setTimeout, is not clamped to 4 ms.
 */
export function yieldToPage(win: typeof globalThis): Promise<void> {
  const scheduler = (win as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new win.MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A slice of a read runs at most this long before the page gets the main thread back. */
export const SLICE_MS = 8;

export interface SliceOptions {
  /** A monotonic clock in milliseconds. */
  clock: () => number;
  /** Gives the page the main thread (yieldToPage). */
  pause: () => Promise<void>;
  /** Whether the page changed since the work began: checked after each pause. */
  changed: () => boolean;
  /** Whether to give up (the session stopped): checked after each pause. */
  stopped?: () => boolean;
  sliceMs?: number;
}

/** `slice`: how long the last slice has run so far (work that follows may want a slice of its own). */
export type Sliced<T> = { done: true; value: T; cost: number; slice: number } | { done: false; cost: number };

/**
 * Runs resumable work to its end, pausing whenever a slice has lasted SLICE_MS. When the page changed
 * during a pause (or the session stopped), the work is given up: what it collected would mix two
 * states of the page. `cost` is the time spent on the main thread, the pauses left out.
 */
export async function runInSlices<T>(steps: Generator<void, T>, o: SliceOptions): Promise<Sliced<T>> {
  const sliceMs = o.sliceMs ?? SLICE_MS;
  let sliceStart = o.clock();
  let cost = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      const slice = o.clock() - sliceStart;
      return { done: true, value: step.value, cost: cost + slice, slice };
    }
    if (o.clock() - sliceStart < sliceMs) continue;
    cost += o.clock() - sliceStart;
    await o.pause();
    if (o.changed() || o.stopped?.()) return { done: false, cost };
    sliceStart = o.clock();
  }
}
