// Idle cost of open streams: N clients connected to a quiet Skyboard (no simulator, no writes), so
// the server sends nothing but heartbeats; the server's CPU over a window, per idle stream per
// minute. Run it in two checkouts to compare builds. `npm run bench:idle` (IDLE_CLIENTS, IDLE_SECONDS,
// IDLE_HEARTBEAT_MS: a short interval makes the heartbeat's own share visible).
import { cpus } from 'node:os';
import { startServer } from '../e2e/support/server';
import { startClientProcesses } from './client-processes';
import { cpuMs, rssBytes } from './process-stats';

const CLIENTS = Number(process.env.IDLE_CLIENTS ?? 10_000);
const SECONDS = Number(process.env.IDLE_SECONDS ?? 60);
const HEARTBEAT_MS = Number(process.env.IDLE_HEARTBEAT_MS ?? 15_000);
const CLIENT_PROCESSES = 4;

async function main() {
  console.log(`Idle-stream benchmark on ${cpus().length} cores: ${CLIENTS} streams, heartbeat every ${HEARTBEAT_MS} ms, ${SECONDS} s window`);
  const server = await startServer({ SIMULATOR: 'off', SSE_HEARTBEAT_MS: String(HEARTBEAT_MS), SSE_MAX_STREAM_AGE_MS: '0', SSE_MAX_STREAMS: String(CLIENTS + 100) });
  try {
    const readers = await startClientProcesses([server.url], CLIENTS, CLIENT_PROCESSES);
    const { open, connectErrors } = await readers.connect();
    // Let the connect storm's work (and its garbage) settle before the window opens.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const cpuBefore = cpuMs(server.serverPid);
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const cpuUsed = cpuMs(server.serverPid) - cpuBefore;
    const { open: stillOpen } = await readers.report();
    readers.close();
    const perStreamMinute = (cpuUsed / open) * (60 / SECONDS);
    console.table([
      {
        streams: open,
        connectErrors,
        stillOpen,
        serverCpuMs: Math.round(cpuUsed),
        cpuPercentOfOneCore: +((cpuUsed / (SECONDS * 1000)) * 100).toFixed(2),
        cpuMsPerIdleStreamPerMinute: +perStreamMinute.toFixed(4),
        rssMB: Math.round(rssBytes(server.serverPid) / 1024 / 1024),
      },
    ]);
  } finally {
    await server.stop();
  }
}

await main();
