// `npm start`: Next serves every request except the event stream, which goes straight from the hub to
// the raw Node response. Next's route handler pipe costs several times the CPU per event and memory
// per stream of a plain `res.write` (bench/BENCHMARKS.md); the frames are the same either way.
import { createServer } from 'node:http';
import next from 'next';
import { readSettings, SettingsError, type Settings } from '../env';
import { sharedRuntime } from '../server/runtime-key';

const EVENTS_PATH = '/api/events';

function settingsOrExit(): Settings {
  try {
    return readSettings();
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const { PORT, HOSTNAME } = settingsOrExit();
const app = next({ dev: false, hostname: HOSTNAME, port: PORT });
const handle = app.getRequestHandler();
// Preparing runs instrumentation.ts, which creates the runtime (and exits on a bad setting).
await app.prepare();
const runtime = sharedRuntime();
if (!runtime) throw new Error('instrumentation.ts did not create the Skyboard runtime');

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url?.split('?', 1)[0] === EVENTS_PATH) return runtime.serveEventStream(req, res);
  handle(req, res).catch((error: unknown) => {
    console.error('[skyboard] request failed:', error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.once('error', (error) => {
  console.error(`[skyboard] cannot listen on ${HOSTNAME}:${PORT}: ${error.message}`);
  process.exit(1);
});
server.listen(PORT, HOSTNAME, () => console.log(`Skyboard ready on http://${HOSTNAME}:${PORT}`));
