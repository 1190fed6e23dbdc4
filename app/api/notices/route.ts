import { authorize } from '@/lib/http/auth';
import { NO_STORE } from '@/lib/http/cache-headers';
import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseOrThrow } from '@/lib/http/validation';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';
import { byPosting } from '@/lib/signage/notice';
import { postNotice } from '@/lib/signage/notice-writes';
import { newNoticeSchema, NOTICE_READ_ONLY_FIELDS } from '@/lib/signage/signage-input';

export const dynamic = 'force-dynamic';

export const GET = withErrors(async () => Response.json({ notices: (await getRuntime().log.snapshot()).notices.sort(byPosting) }, { headers: NO_STORE }));

export const POST = withErrors(async (request: Request) => {
  const { log, tokens } = getRuntime();
  authorize(request, tokens, 'notices');
  const input = parseOrThrow(newNoticeSchema, await readJsonBody(request), 'notice', NOTICE_READ_ONLY_FIELDS);
  const notice = await postNotice(log, input);
  return Response.json(notice, { status: 201, headers: { Location: `/api/notices/${notice.id}` } });
});

const refuse = methodNotAllowed('GET, POST');
export { refuse as PUT, refuse as PATCH, refuse as DELETE };
