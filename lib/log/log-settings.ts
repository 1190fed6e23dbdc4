// The values LOG_FORMAT and LOG_LEVEL take, apart from the logger so the settings check can name
// them without loading pino.
export const LOG_FORMATS = ['text', 'json'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];
