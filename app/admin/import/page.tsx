import type { Metadata } from 'next';
import { ScheduleImport } from '@/app/_components/schedule-import';

export const metadata: Metadata = { title: 'Import a schedule · Skyboard' };

export default function ImportPage() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 p-4 sm:p-8">
      <header>
        <h1 className="text-2xl font-bold">Import a schedule</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          A CSV with a header row naming the flight fields, or JSON <code>{'{ "flights": [...] }'}</code>. Every row is
          checked first; then all of them are applied at once, or none. Try the{' '}
          <a href="/sample-schedule.csv" className="underline">
            sample schedule
          </a>
          .
        </p>
      </header>
      <ScheduleImport />
    </main>
  );
}
