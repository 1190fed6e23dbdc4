import type { Metadata } from 'next';
import { SignageAdmin } from '@/app/_components/signage-admin';
import { getRuntime } from '@/lib/server/runtime';
import { byPosting } from '@/lib/signage/notice';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Screens and notices · Skyboard' };

export default async function ScreensAdminPage() {
  const { screens, notices } = await getRuntime().log.snapshot();
  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-6 p-4 sm:p-8">
      <header>
        <h1 className="text-2xl font-bold">Screens and notices</h1>
        <p className="text-sm text-slate-600 dark:text-slate-300">
          Each named screen shows what is set here; an open screen at <code>/screens/&lt;name&gt;</code> changes within seconds,
          without a reload. A notice shows on every board and display, or on the screens it names.
        </p>
      </header>
      <SignageAdmin initialScreens={screens.sort((a, b) => a.name.localeCompare(b.name))} initialNotices={notices.sort(byPosting)} />
    </main>
  );
}
