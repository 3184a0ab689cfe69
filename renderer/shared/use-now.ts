import { useEffect, useState } from 'react';

/**
 * The screen's clock, re-read a few times a second while `active`: often enough that a
 * countdown never skips a second, rarely enough to cost nothing.
 */
export function useNow(active: boolean, everyMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs]);
  return now;
}
