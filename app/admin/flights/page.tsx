import type { Metadata } from 'next';
import { FlightOps } from '@/app/_components/flight-ops';
import { displayProps } from '@/lib/server/display-page';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Operations · Skyboard' };

export default async function FlightOpsPage() {
  const { home } = getRuntime();
  return (
    <main className="mx-auto flex max-w-6xl flex-col gap-6 p-4 sm:p-8">
      <header>
        <h1 className="text-2xl font-bold">Operations</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          The live board, to change a flight&apos;s status, estimate ({home.iata} time), gate or belt. Each save says which version it was
          made from: if someone changed the flight meanwhile, nothing is saved and you see what they did.
        </p>
      </header>
      <FlightOps {...await displayProps({})} />
    </main>
  );
}
