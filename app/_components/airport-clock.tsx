'use client';

import { useEffect, useState } from 'react';
import { formatClock } from '@/lib/client/format-time';

/** The time at the airport, updated every few seconds. Empty until mounted, so server and browser agree. */
export function AirportClock({ timeZone }: { timeZone: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, 5000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  return (
    <time className="tabular-nums" aria-label="Local time at the airport">
      {now === null ? '--:--' : formatClock(new Date(now).toISOString(), timeZone)}
    </time>
  );
}
