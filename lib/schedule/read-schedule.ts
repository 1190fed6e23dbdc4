import { isCodedError } from '../errors/coded-error';
import { AppError } from '../http/app-error';
import { isJson, readJsonBody, readLimited } from '../http/read-json-body';
import { parseCsvSchedule, parseJsonSchedule, type RawRow } from './parse-schedule';

export const MAX_SCHEDULE_BYTES = 5 * 1024 * 1024;

const isCsv = (request: Request) => /^text\/csv\s*(;|$)/i.test(request.headers.get('content-type') ?? '');

/** The rows of an upload; media type, size and unreadable files are refused here, before any stream. */
export async function readSchedule(request: Request): Promise<RawRow[]> {
  if (isJson(request)) return parseJsonSchedule(await readJsonBody(request, MAX_SCHEDULE_BYTES));
  if (!isCsv(request)) {
    throw new AppError('unsupported_media_type', 'Send the schedule as "Content-Type: text/csv" or "application/json".');
  }
  const bytes = await readLimited(request, MAX_SCHEDULE_BYTES);
  try {
    return await parseCsvSchedule(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (isCodedError(error)) throw error;
    throw new AppError('validation_failed', 'The CSV is not valid UTF-8 text.');
  }
}
