import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { isLanguage, LANGUAGE_HEADER } from '@/lib/i18n/languages';
import './globals.css';

// Every page is rendered per request, so Next can put that request's script nonce (proxy.ts) on it;
// a prerendered page's scripts would carry none and the policy would block them.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Skyboard',
  description: 'A live airport flight board',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  colorScheme: 'light dark',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The page's language (proxy.ts); pages that alternate languages or follow a screen's set it as they go.
  const asked = (await headers()).get(LANGUAGE_HEADER) ?? '';
  return (
    <html lang={isLanguage(asked) ? asked : 'en'}>
      <body className="min-h-screen bg-white text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        {children}
      </body>
    </html>
  );
}
