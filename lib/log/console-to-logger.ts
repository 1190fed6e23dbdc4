// With LOG_FORMAT=json every line on stdout must be JSON, but Next (its banner, its request errors)
// and some libraries write with console.*: those calls become log entries of component "console".
import { format, stripVTControlCharacters } from 'node:util';
import { logger, loggerSettings } from './logger.ts';

const ROUTED_KEY = Symbol.for('skyboard.console-routed');
const LEVEL_OF = { debug: 'debug', log: 'info', info: 'info', warn: 'warn', error: 'error' } as const;

/** Sends console output through the logger when the format is JSON; text output is left as it is. */
export function routeConsoleToLogger() {
  const holder = globalThis as { [ROUTED_KEY]?: boolean };
  if (holder[ROUTED_KEY] || loggerSettings().format !== 'json') return;
  holder[ROUTED_KEY] = true;
  const log = logger().child({ component: 'console' });
  for (const [method, level] of Object.entries(LEVEL_OF)) {
    console[method as keyof typeof LEVEL_OF] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const msg = stripVTControlCharacters(format(...args)).trim();
      if (msg === '') return;
      if (error) log[level]({ err: error }, msg);
      else log[level](msg);
    };
  }
}
