import { z } from 'zod';

/** The optional body of POST /api/events/close. */
export const closeReasonSchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), 'must not contain control or format characters')
    .default('The server closed the stream.'),
});
