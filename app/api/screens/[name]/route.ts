import { AppError } from '@/lib/http/app-error';
import { authorize } from '@/lib/http/auth';
import { NO_STORE } from '@/lib/http/cache-headers';
import { methodNotAllowed } from '@/lib/http/method-not-allowed';
import { readJsonBody } from '@/lib/http/read-json-body';
import { parseOrThrow } from '@/lib/http/validation';
import { withErrors } from '@/lib/http/with-errors';
import { getRuntime } from '@/lib/server/runtime';
import { deleteScreen, putScreen } from '@/lib/signage/screen-writes';
import { SCREEN_READ_ONLY_FIELDS, screenNameOrNull, screenSettingSchema } from '@/lib/signage/signage-input';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ name: string }> };

/** The screen's name from the path; a name no screen may have is refused before anything is read. */
async function nameFrom({ params }: Context) {
  const raw = (await params).name;
  const name = screenNameOrNull(raw);
  if (name === null) {
    throw new AppError('validation_failed', 'A screen name is 1 to 40 lower-case letters, digits or dashes, such as gate-b7.', [
      { field: 'name', message: 'must be 1 to 40 lower-case letters, digits or dashes' },
    ]);
  }
  return name;
}

export const GET = withErrors(async (_request: Request, context: Context) => {
  const name = await nameFrom(context);
  const screen = (await getRuntime().log.snapshot()).screens.find((candidate) => candidate.name === name);
  if (!screen) throw new AppError('not_found', `No screen is named "${name}".`);
  return Response.json(screen, { headers: NO_STORE });
});

export const PUT = withErrors(async (request: Request, context: Context) => {
  const { log, tokens } = getRuntime();
  authorize(request, tokens, 'screens');
  const name = await nameFrom(context);
  const setting = parseOrThrow(screenSettingSchema, await readJsonBody(request), 'screen', SCREEN_READ_ONLY_FIELDS);
  return Response.json(await putScreen(log, name, setting));
});

export const DELETE = withErrors(async (request: Request, context: Context) => {
  const { log, tokens } = getRuntime();
  authorize(request, tokens, 'screens');
  await deleteScreen(log, await nameFrom(context));
  return new Response(null, { status: 204 });
});

const refuse = methodNotAllowed('GET, PUT, DELETE');
export { refuse as POST, refuse as PATCH };
