'use client';

import { arrivalsOnBelt } from '@/lib/flights/display-selection';
import type { Flight } from '@/lib/flights/flight';
import { remarkOf } from '@/lib/flights/remark';
import type { Translate } from '@/lib/i18n/translate';
import { formatClock } from '@/lib/time/format-clock';
import { LiveDisplay, type DisplayProps } from './live-display';

/** What a belt screen shows: the arrivals whose bags are on the belt, then those next on it. */
export function BeltContent({ flights, belt, timeZone, t }: { flights: Flight[]; belt: string; timeZone: string; t: Translate }) {
  const arrivals = arrivalsOnBelt(flights, belt);
  if (arrivals.length === 0) return <p className="text-6xl font-semibold sm:text-8xl">{t('display.noArrivals')}</p>;
  return (
    // On a narrow screen the table scrolls inside the display, over its dark ground.
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-xl sm:text-5xl">
        <thead className="text-slate-300">
          <tr>
            <th scope="col" className="py-2 pr-3 sm:pr-6">{t('column.flight')}</th>
            <th scope="col" className="py-2 pr-3 sm:pr-6">{t('column.from')}</th>
            <th scope="col" className="py-2 pr-3 sm:pr-6">{t('column.landed')}</th>
            <th scope="col" className="py-2">{t('column.remark')}</th>
          </tr>
        </thead>
        <tbody>
          {arrivals.map((flight) => (
            <tr key={flight.id} data-flight-id={flight.id} className="border-t border-slate-700">
              <td className="py-3 pr-3 sm:pr-6 font-bold tabular-nums">{flight.flight}</td>
              <td className="py-3 pr-3 sm:pr-6">{flight.origin.city}</td>
              <td className="py-3 pr-3 sm:pr-6 tabular-nums">{flight.actual ? formatClock(flight.actual, timeZone) : '–'}</td>
              <td className="py-3 font-semibold text-amber-300">{remarkOf(flight, timeZone, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export const beltTitles = (belt: string) => ({ title: (t: Translate) => t('display.belt', { belt }), label: `Baggage belt ${belt} display` });

/** `/display/belt/{belt}`: the arrivals whose bags are on one belt, then those next on it. */
export function BeltDisplay({ belt, ...props }: DisplayProps & { belt: string }) {
  return (
    <LiveDisplay {...beltTitles(belt)} {...props}>
      {(flights, t) => <BeltContent flights={flights} belt={belt} timeZone={props.timeZone} t={t} />}
    </LiveDisplay>
  );
}
