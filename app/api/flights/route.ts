import { getRuntime } from '@/lib/server/runtime';
import { errorResponse } from '@/lib/http/app-error';
import { NO_STORE } from '@/lib/http/cache-headers';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    return Response.json(await getRuntime().log.snapshot(), { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
