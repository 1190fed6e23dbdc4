import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { closeReasonSchema } from '@/lib/sse/close-request';
import { authorize } from '@/lib/http/auth';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseOrThrow } from '@/lib/http/validation';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';

export const dynamic = 'force-dynamic';

export const POST = withErrors(async (request: Request) => {
  const runtime = getRuntime();
  authorize(request, runtime.tokens, 'close');
  // The body is optional: an empty one closes with the default reason.
  const body = request.headers.get('content-length') === '0' || !request.body ? {} : await readJsonBody(request);
  const { reason } = parseOrThrow(closeReasonSchema, body, 'close request');
  return Response.json({ closed: runtime.closeAllStreams(reason) });
});

const refuse = methodNotAllowed('POST');
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
