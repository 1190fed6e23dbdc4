'use client';

import { useEffect, useState } from 'react';
import { pageClock } from '@/lib/client/page-clock';
import type { BoardTime } from '@/lib/time/board-time';
import { formatClock } from '@/lib/time/format-clock';

/**
 * The board's time at the airport (sped up with the simulator's SIMULATOR_SPEED, like the flights'
 * times, and following the server's heartbeats), updated often enough to turn each minute on time. Empty until mounted, so server and browser agree.
 */
export function AirportClock({ timeZone, boardTime }: { timeZone: string; boardTime: BoardTime }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const clock = pageClock(boardTime);
    const tick = () => setNow(clock.now());
    const first = setTimeout(tick, 0);
    const timer = setInterval(tick, Math.max(50, Math.min(5000, 60_000 / boardTime.speed / 4)));
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [boardTime]);
  return (
    <time className="tabular-nums" aria-label="Local time at the airport">
      {now === null ? '--:--' : formatClock(new Date(now).toISOString(), timeZone)}
    </time>
  );
}
