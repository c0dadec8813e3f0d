import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `intervalMs`, so what depends on the clock (such as whether check-in is
 * open yet) changes on screen without a reload.
 */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
