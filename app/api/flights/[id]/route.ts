import { getRuntime } from '@/lib/server/runtime';
import { AppError, errorResponse } from '@/lib/http/app-error';
import { NO_STORE } from '@/lib/http/cache-headers';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const { flights } = await getRuntime().log.snapshot();
    const flight = flights.find((candidate) => candidate.id === id);
    if (!flight) throw new AppError('not_found', `No flight has the id "${id.slice(0, 80)}".`);
    return Response.json(flight, { headers: NO_STORE });
  } catch (error) {
    return errorResponse(error);
  }
}
