import type { z } from 'zod';
import { AppError, type ErrorDetail } from './app-error';

// Fields a client may know but never write, with what to do instead.
const READ_ONLY_FIELDS: Record<string, string> = {
  updatedAt: 'is set by the server; leave it out',
  id: 'cannot be changed; delete the flight and create a new one',
  direction: 'cannot be changed; delete the flight and create a new one',
};

// Plain-language messages where zod's defaults speak of types.
const friendlyMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'is required' : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  return undefined;
};

/** Parses `input` with `schema`, or throws a 400 `validation_failed` that names every bad field. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(input, { error: friendlyMessages });
  if (result.success) return result.data;
  const details = result.error.issues.flatMap(toDetails);
  const summary = details.map((detail) => `${detail.field} ${detail.message}`).join('; ');
  throw new AppError('validation_failed', `The ${what} is not valid: ${summary}.`, details);
}

function toDetails(issue: z.core.$ZodIssue): ErrorDetail[] {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: at ? `${at}.${key}` : key,
      message: (!at && Object.hasOwn(READ_ONLY_FIELDS, key) && READ_ONLY_FIELDS[key]) || 'is not a field this request accepts',
    }));
  }
  return [{ field: at || '(body)', message: issue.message }];
}
