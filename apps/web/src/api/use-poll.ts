import { useEffect, useRef } from 'react';

/**
 * Calls `poll` every `intervalMs` while `active`, waiting for each call to finish before timing the next
 * (so a slow answer never stacks requests). Stops, and aborts a call under way, when it becomes inactive
 * or the component goes. `poll` handles its own errors; a failed call is simply tried again next time.
 */
export function usePoll(poll: (signal: AbortSignal) => Promise<void>, intervalMs: number, active: boolean): void {
  const latest = useRef(poll);
  useEffect(() => {
    latest.current = poll;
  }, [poll]);

  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    function schedule() {
      timer = setTimeout(run, intervalMs);
    }
    function run() {
      latest
        .current(controller.signal)
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) schedule();
        });
    }
    schedule();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [active, intervalMs]);
}
