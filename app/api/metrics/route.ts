import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { requireMetricsAccess } from '@/lib/http/auth';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

type MaybeGc = { gc?: () => void };

export const GET = withErrors(async (request: Request) => {
  const { metrics, settings } = getRuntime();
  requireMetricsAccess(request, settings.METRICS_TOKEN);
  const { registry } = metrics;
  // A test hook, off in production: the soak tests measure memory after a full GC, in a process they
  // start with --expose-gc and SKYBOARD_TEST_HOOKS=1.
  if (settings.SKYBOARD_TEST_HOOKS === 'on' && new URL(request.url).searchParams.get('gc') === '1') (globalThis as MaybeGc).gc?.();
  return new Response(await registry.metrics(), {
    headers: { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' },
  });
});

const refuse = methodNotAllowed('GET');
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
