import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { deleteFlight, patchFlight } from '@/lib/board/flight-writes';
import { FLIGHT_READ_ONLY_FIELDS, flightPatchSchema } from '@/lib/flights/flight-schema';
import { AppError } from '@/lib/http/app-error';
import { authorize } from '@/lib/http/auth';
import { NO_STORE } from '@/lib/http/cache-headers';
import { etagOf, ifMatchOf } from '@/lib/http/if-match';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseOrThrow } from '@/lib/http/validation';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export const GET = withErrors(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const { flights } = await getRuntime().log.snapshot();
  const flight = flights.find((candidate) => candidate.id === id);
  if (!flight) throw new AppError('not_found', `No flight has the id "${id.slice(0, 80)}".`);
  return Response.json(flight, { headers: { ...NO_STORE, ETag: etagOf(flight.version) } });
});

export const PATCH = withErrors(async (request: Request, { params }: Context) => {
  const { log, clock, tokens } = getRuntime();
  const caller = authorize(request, tokens, 'flights');
  const ifMatch = ifMatchOf(request);
  const patch = parseOrThrow(flightPatchSchema, await readJsonBody(request), 'change', FLIGHT_READ_ONLY_FIELDS);
  const flight = await patchFlight(log, clock, (await params).id, patch, { caller, ifMatch });
  return Response.json(flight, { headers: { ETag: etagOf(flight.version) } });
});

export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const { log, tokens } = getRuntime();
  const caller = authorize(request, tokens, 'flights');
  await deleteFlight(log, (await params).id, { caller, ifMatch: ifMatchOf(request) });
  return new Response(null, { status: 204 });
});

const refuse = methodNotAllowed('GET, PATCH, DELETE');
export { refuse as POST, refuse as PUT };
