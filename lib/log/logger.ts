// The process's one logger (pino): JSON lines for a log collector, readable lines in a terminal.
// Imported by the server and by the `npm start` launcher, which Node runs without a transpiler.
import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { LOG_FORMATS, LOG_LEVELS, type LogFormat, type LogLevel } from './log-settings.ts';

// Never written, whatever a caller passes as a field: a token or a request body.
const REDACTED = ['authorization', 'token', 'body', '*.authorization', '*.token', '*.body', 'headers.authorization', 'headers.cookie'];

export interface LoggerOptions {
  format: LogFormat;
  level: LogLevel;
  /** Where the lines go (default: stdout, written synchronously so a crash loses none). */
  destination?: NodeJS.WritableStream;
  /** Colours in text lines (default: when stdout is a terminal). */
  colorize?: boolean;
}

export function createLogger({ format, level, destination, colorize = Boolean(process.stdout.isTTY) }: LoggerOptions): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: REDACTED, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (format === 'json') return pino(options, (destination as DestinationStream | undefined) ?? pino.destination({ dest: 1, sync: true }));
  const text = pretty({
    sync: true,
    colorize,
    destination: destination ?? 1,
    ignore: 'pid,hostname,component',
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    messageFormat: '{if component}[{component}] {end}{msg}',
  });
  return pino(options, text);
}

// A bad LOG_FORMAT or LOG_LEVEL is reported by the settings check, through a logger on the defaults.
function chosen<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** The format and level the environment asks for: text in a terminal, JSON otherwise; `info`. */
export function loggerSettings(env: Record<string, string | undefined> = process.env): LoggerOptions {
  return {
    format: chosen(env.LOG_FORMAT, LOG_FORMATS, process.stdout.isTTY ? 'text' : 'json'),
    level: chosen(env.LOG_LEVEL, LOG_LEVELS, 'info'),
  };
}

// Next bundles server code into several chunks, each with its own copy of this module: one
// logger for the process all the same.
const LOGGER_KEY = Symbol.for('skyboard.logger');

/** The process's logger; a part of Skyboard names itself with `logger().child({ component })`. */
export function logger(): Logger {
  const holder = globalThis as { [LOGGER_KEY]?: Logger };
  return (holder[LOGGER_KEY] ??= createLogger(loggerSettings()));
}

/** The logger of one part of Skyboard (its name leads each text line and is a field in JSON). */
export const componentLogger = (component: string): Logger => logger().child({ component });
