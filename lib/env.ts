import { z } from 'zod';
import { apiTokensSchema, LEGACY_TOKEN_NAME } from './auth/api-tokens.ts';
import { LOG_FORMATS, LOG_LEVELS } from './log/log-settings.ts';

const integer = (fallback: number, min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback);
};

const settingsSchema = z.object({
  PORT: integer(3000, 1, 65535),
  HOSTNAME: z.string().min(1).default('0.0.0.0'),
  // Not in the contract: how long the server keeps an idle connection. Longer than the upstream
  // keep-alive of a proxy in front (nginx: 60 s in the README's block), so the proxy always closes
  // an idle upstream socket first and never sends a request into one the server is closing.
  // `npm start` passes it to `next start`; the standalone server.js reads it itself.
  KEEP_ALIVE_TIMEOUT: integer(75_000, 1000, 3_600_000),
  API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  API_TOKENS: apiTokensSchema.optional(),
  AUDIT_RETENTION_DAYS: integer(30, 1, 3650),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  BOARD_MAX_FLIGHTS: integer(20_000, 1, 1_000_000),
  SIMULATOR: z.enum(['on', 'off']).default('on'),
  SIMULATOR_TICK_MS: integer(3000, 1, 3_600_000),
  SIMULATOR_SPEED: z.coerce
    .number({ error: 'must be a number from 1 to 10000' })
    .min(1, 'must be a number from 1 to 10000')
    .max(10_000, 'must be a number from 1 to 10000')
    .default(1),
  SIMULATOR_FLIGHTS: integer(40, 0, 100_000),
  HOME_AIRPORT: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter IATA code such as LHR')
    .default('LHR'),
  SSE_HEARTBEAT_MS: integer(15000, 100, 3_600_000),
  SSE_RETRY_MS: integer(3000, 0, 3_600_000),
  SSE_MAX_STREAMS: integer(20_000, 1, 1_000_000),
  // 0 turns the limit off; otherwise a stream lives this long, ±20%, then the client resumes elsewhere.
  SSE_MAX_STREAM_AGE_MS: integer(3_600_000, 0, 7 * 24 * 3_600_000),
  // Not in the contract: how many unsent bytes one stream may queue before it is dropped as too slow.
  SSE_MAX_BACKLOG_BYTES: integer(1_048_576, 1024, 1_073_741_824),
  HISTORY_LIMIT: integer(10000, 1, 10_000_000),
  BOARD_RETENTION_MS: integer(600000, 0, 7 * 24 * 3_600_000),
  DATABASE_PATH: z.string().min(1).default('./data/skyboard.db'),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // Not in the contract: hooks only tests may use (a forced GC through /api/metrics?gc=1).
  SKYBOARD_TEST_HOOKS: z.enum(['on', 'off']).default('off'),
  // Unset: text when stdout is a terminal, JSON otherwise (lib/log/logger.ts decides, before settings exist).
  LOG_FORMAT: z.enum(LOG_FORMATS).optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1-64 letters, digits, colons, dashes or underscores')
    .default('skyboard'),
}).superRefine((settings, context) => {
  const tokens = settings.API_TOKENS ?? [];
  if (settings.API_TOKEN && tokens.some((token) => token.name === LEGACY_TOKEN_NAME)) {
    context.addIssue({ code: 'custom', path: ['API_TOKENS'], message: `names a token "${LEGACY_TOKEN_NAME}", the name API_TOKEN goes by; rename it` });
  }
  if (settings.API_TOKEN && tokens.some((token) => token.token === settings.API_TOKEN)) {
    context.addIssue({ code: 'custom', path: ['API_TOKENS'], message: 'repeats the secret of API_TOKEN; each token needs its own' });
  }
});

export type Settings = z.infer<typeof settingsSchema>;

export class SettingsError extends Error {}

/** Reads every setting from the environment; a bad value throws a message naming the variable. */
export function readSettings(source: Record<string, string | undefined> = process.env): Settings {
  // An empty variable means "not set", as shells and .env files usually intend.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = settingsSchema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new SettingsError(`Invalid setting. ${problems.join('; ')}`);
}
