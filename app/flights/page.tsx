import type { Metadata } from 'next';
import { FlightBoard } from '@/app/_components/flight-board';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { home } = getRuntime();
  return { title: `Flights at ${home.city} (${home.iata}) · Skyboard` };
}

export default async function FlightsPage() {
  const { log, home } = getRuntime();
  const snapshot = await log.snapshot();
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 p-4 sm:p-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-amber-300 sm:text-3xl">
          {home.name} <span className="text-slate-300">({home.iata})</span>
        </h1>
        <p className="text-sm text-slate-300">Arrivals and departures, live. Times are local ({home.timeZone}).</p>
      </header>
      <FlightBoard initial={snapshot} timeZone={home.timeZone} />
    </main>
  );
}
