// `npm run flights -- <command>`: change the board from a shell without writing curl by hand.
import { readFileSync } from 'node:fs';
import { parseAssignments } from './parse-assignments';

const USAGE = `Usage: npm run flights -- <command>
  list                          every flight on the board
  get <id>                      one flight
  create <file.json | ->        add a flight from a JSON file (or standard input)
  set <id> field=value ...      change fields, e.g. set AZ768-2026-11-22 status=boarding gate=B12
  delete <id>                   take a flight off the board
  close [reason]                end every open stream with closedConnection
Settings: SKYBOARD_URL (default http://localhost:3000), API_TOKEN for writes.`;

const baseUrl = (process.env.SKYBOARD_URL ?? 'http://localhost:3000').replace(/\/$/, '');

async function call(method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (process.env.API_TOKEN) headers.Authorization = `Bearer ${process.env.API_TOKEN}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) {
    const error = text ? JSON.parse(text).error : { code: response.status, message: response.statusText };
    throw new Error(`${response.status} ${error.code}: ${error.message}`);
  }
  if (text) console.log(JSON.stringify(JSON.parse(text), null, 2));
  else console.log(`${response.status} done`);
}

const flightPath = (id: string | undefined) => {
  if (!id) throw new Error('Give the flight id, for example AZ768-2026-11-22.');
  return `/api/flights/${encodeURIComponent(id)}`;
};

async function main([command, ...args]: string[]) {
  switch (command) {
    case 'list':
      return call('GET', '/api/flights');
    case 'get':
      return call('GET', flightPath(args[0]));
    case 'create': {
      if (!args[0]) throw new Error('Give a JSON file, or - to read standard input.');
      return call('POST', '/api/flights', JSON.parse(readFileSync(args[0] === '-' ? 0 : args[0], 'utf8')));
    }
    case 'set':
      return call('PATCH', flightPath(args[0]), parseAssignments(args.slice(1)));
    case 'delete':
      return call('DELETE', flightPath(args[0]));
    case 'close':
      return call('POST', '/api/events/close', args.length ? { reason: args.join(' ') } : {});
    default:
      console.log(USAGE);
      if (command && command !== 'help') process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
