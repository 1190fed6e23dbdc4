import { NextResponse, type NextRequest } from 'next/server';
import { pageContentSecurityPolicy } from './lib/http/security-headers';
import { LANGUAGE_HEADER } from './lib/i18n/languages';
import { pickLanguages } from './lib/i18n/pick-languages';

/**
 * Every page gets a fresh nonce and a script policy without 'unsafe-inline' (every page is rendered
 * per request, so each can carry its own). Next reads the policy from the request to put the nonce
 * on its scripts; the browser reads it from the response.
 */
export function proxy(request: NextRequest) {
  // A malformed escape (`/display/gate/%E0%A4%A`) would reach Next's router as a bare 500.
  if (!isDecodable(request.nextUrl.pathname)) return new NextResponse('Malformed percent-encoding in the path.', { status: 400 });
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const policy = pageContentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  // For the root layout's `<html lang>` (it cannot read the query); always ours, never the client's.
  headers.set(LANGUAGE_HEADER, pickLanguages(request.nextUrl.searchParams.get('lang'), request.headers.get('accept-language'))[0]!);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  // Revalidated on every load (the board is live, the nonce per request) but never `no-store`, which
  // would keep the page out of the back/forward cache; a restored page resumes from its last id.
  response.headers.set('Cache-Control', 'private, no-cache');
  return response;
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Pages only: the API, the stream and static files have a fixed policy (next.config.ts) and no
  // work here on their hot paths.
  matcher: ['/((?!api/|_next/static/|_next/image/|icon\\.svg|favicon\\.ico).*)'],
};
