import { NO_STORE } from '@/lib/http/cache-headers';
import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export const GET = withErrors(async () => {
  const { screens } = await getRuntime().log.snapshot();
  return Response.json({ screens: screens.sort((a, b) => a.name.localeCompare(b.name)) }, { headers: NO_STORE });
});

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
