import type { z } from 'zod';
import { AppError, type ErrorDetail } from './app-error';

// Plain-language messages where zod's defaults speak of types.
const friendlyMessages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined ? 'is required' : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
  }
  if (issue.code === 'invalid_value') return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
  return undefined;
};

/**
 * Parses `input` with `schema`, or throws a 400 `validation_failed` that names every bad field.
 * `readOnly`: fields a client may know but never write, with what to do instead.
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown, what: string, readOnly: Readonly<Record<string, string>> = {}): z.infer<T> {
  const result = schema.safeParse(input, { error: friendlyMessages });
  if (result.success) return result.data;
  const details = result.error.issues.flatMap((issue) => toDetails(issue, readOnly));
  const summary = details.map((detail) => `${detail.field} ${detail.message}`).join('; ');
  throw new AppError('validation_failed', `The ${what} is not valid: ${summary}.`, details);
}

function toDetails(issue: z.core.$ZodIssue, readOnly: Readonly<Record<string, string>>): ErrorDetail[] {
  const at = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      field: at ? `${at}.${key}` : key,
      message: (!at && Object.hasOwn(readOnly, key) && readOnly[key]) || 'is not a field this request accepts',
    }));
  }
  return [{ field: at || '(body)', message: issue.message }];
}
