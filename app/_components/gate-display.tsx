'use client';

import { useEffect, useState } from 'react';
import { nextDepartureAtGate } from '@/lib/flights/display-selection';
import type { Flight } from '@/lib/flights/flight';
import { remarkOf } from '@/lib/flights/remark';
import type { Translate } from '@/lib/i18n/translate';
import { formatClock } from '@/lib/time/format-clock';
import { LiveDisplay, type DisplayProps } from './live-display';

const CODESHARE_MS = 4000;

/** The flight number in turn with each codeshare, the operating flight first, every 4 s. */
function RotatingDesignator({ flight }: { flight: Flight }) {
  const designators = [flight.flight, ...flight.codeshares];
  const [turn, setTurn] = useState({ id: flight.id, index: 0 });
  const index = turn.id === flight.id ? turn.index % designators.length : 0;
  useEffect(() => {
    if (designators.length < 2) return;
    const timer = setInterval(() => setTurn((current) => ({ id: flight.id, index: current.id === flight.id ? current.index + 1 : 1 })), CODESHARE_MS);
    return () => clearInterval(timer);
  }, [flight.id, designators.length]);
  return (
    <p className="text-7xl font-bold tabular-nums sm:text-9xl" data-testid="gate-flight">
      {designators[index]}
    </p>
  );
}

function GateFlight({ flight, timeZone, t }: { flight: Flight; timeZone: string; t: Translate }) {
  return (
    <article aria-label={t('display.nextDeparture', { flight: flight.flight })} className="flex flex-col gap-6">
      <RotatingDesignator flight={flight} />
      <p className="text-5xl font-semibold sm:text-7xl">
        {flight.destination.city} <span className="text-slate-300">({flight.destination.iata})</span>
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-8 gap-y-2 text-4xl sm:text-5xl">
        <dt className="text-slate-300">{t('display.scheduled')}</dt>
        <dd className="tabular-nums">{formatClock(flight.scheduled, timeZone)}</dd>
        {flight.estimated && (
          <>
            <dt className="text-slate-300">{t('display.expected')}</dt>
            <dd className="tabular-nums">{formatClock(flight.estimated, timeZone)}</dd>
          </>
        )}
      </dl>
      <p className="text-5xl font-bold text-amber-300 sm:text-7xl" data-testid="gate-remark">
        {remarkOf(flight, timeZone, t)}
      </p>
    </article>
  );
}

/** What a gate screen shows: the next departure at the gate, or that there is none. */
export function GateContent({ flights, gate, timeZone, t }: { flights: Flight[]; gate: string; timeZone: string; t: Translate }) {
  const flight = nextDepartureAtGate(flights, gate);
  return flight ? (
    <GateFlight flight={flight} timeZone={timeZone} t={t} />
  ) : (
    <p className="text-6xl font-semibold sm:text-8xl">{t('display.noDepartures')}</p>
  );
}

export const gateTitles = (gate: string) => ({ title: (t: Translate) => t('display.gate', { gate }), label: `Gate ${gate} display` });

/** `/display/gate/{gate}`: the next departure at one gate, readable from across the gate area. */
export function GateDisplay({ gate, ...props }: DisplayProps & { gate: string }) {
  return (
    <LiveDisplay {...gateTitles(gate)} {...props}>
      {(flights, t) => <GateContent flights={flights} gate={gate} timeZone={props.timeZone} t={t} />}
    </LiveDisplay>
  );
}
