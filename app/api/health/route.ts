import { getRuntime } from '@/lib/server/runtime';
import { AppError, errorResponse } from '@/lib/http/app-error';
import { NO_STORE } from '@/lib/http/cache-headers';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const health = await getRuntime().log.health();
    if (!health.ok) throw new AppError('store_unavailable', `The store does not answer: ${health.reason}`);
    return Response.json({ ok: true }, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
