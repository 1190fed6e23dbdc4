import { authorize } from '@/lib/http/auth';
import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';
import { clearNotice } from '@/lib/signage/notice-writes';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ id: string }> };

export const DELETE = withErrors(async (request: Request, { params }: Context) => {
  const { log, tokens } = getRuntime();
  authorize(request, tokens, 'notices');
  await clearNotice(log, (await params).id);
  return new Response(null, { status: 204 });
});

const refuse = methodNotAllowed('DELETE');
export { refuse as GET, refuse as POST, refuse as PUT, refuse as PATCH };
