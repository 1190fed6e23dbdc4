import type { Metadata } from 'next';
import { AirportClock } from '@/app/_components/airport-clock';
import { FlightBoard } from '@/app/_components/flight-board';
import { parseBoardView } from '@/lib/client/board-view';
import { displayProps } from '@/lib/server/display-page';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { home } = getRuntime();
  return { title: `Flights at ${home.city} (${home.iata}) · Skyboard` };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function FlightsPage({ searchParams }: { searchParams: SearchParams }) {
  const { home } = getRuntime();
  const params = await searchParams;
  const view = parseBoardView({ get: (name) => [params[name]].flat()[0] ?? null });
  const props = await displayProps(params);
  return (
    <main className={`mx-auto flex flex-col gap-4 p-3 sm:p-6 ${view.wall ? 'max-w-none text-xl' : 'max-w-6xl'}`}>
      <FlightBoard
        {...props}
        initialView={view}
        header={
          <header className="flex flex-wrap items-baseline justify-between gap-2">
            <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-amber-300">
              {home.city} {home.name} <span className="text-slate-600 dark:text-slate-300">({home.iata})</span>
            </h1>
            {!view.wall && (
              <p className="text-sm text-slate-600 dark:text-slate-300">
                Local time <AirportClock timeZone={home.timeZone} boardTime={props.boardTime} /> · {home.timeZone}
              </p>
            )}
          </header>
        }
      />
    </main>
  );
}
