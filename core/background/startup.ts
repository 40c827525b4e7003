// The worker's start: the work that waits for its first answers, and the marks the popup's benchmark reads.

/**
 * How long a worker waits for a first question before its start-up work. A worker that a message starts
 * gets it as soon as its script has run; one woken by the browser's start or an alarm gets none, and should
 * not hold its work into the moment an operator opens the popup (measured: a second's wait put the work
 * right into a cold popup's first answer, 540 → 650 ms median).
 */
export const STARTUP_QUIET_MS = 100;

/**
 * Work deferred until the worker's first answers are given: `run(work)` runs it once the messages in
 * flight have all been answered (at least one asked), or after `quietMs` with none asked; after that at once.
 */
export function afterFirstAnswers(quietMs: number) {
  const queued: Array<() => void> = [];
  let open = true;
  let inFlight = 0;
  const release = () => {
    if (!open) return;
    open = false;
    clearTimeout(timer);
    for (const work of queued.splice(0)) work();
  };
  const timer = setTimeout(release, quietMs);
  return {
    run(work: () => void): void {
      if (open) queued.push(work);
      else work();
    },
    track<T>(answer: Promise<T>): Promise<T> {
      if (!open) return answer;
      inFlight++;
      const settled = () => {
        // After the current turn: the popup's questions arrive together, and the last one may be on its way.
        if (--inFlight === 0) setTimeout(() => inFlight === 0 && release());
      };
      answer.then(settled, settled);
      return answer;
    },
  };
}

/** Marks the first message of a type arriving, and answered (benchmark only: no effect on the answer). */
export function markFirst(name: string, answer: Promise<unknown> | undefined): void {
  if (performance.getEntriesByName(name).length > 0) return;
  performance.mark(name);
  void answer?.finally(() => performance.mark(`${name}:answered`)).catch(() => undefined);
}
