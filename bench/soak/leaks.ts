import { metricValue } from '../../e2e/support/metrics';
import { connectSse } from '../../e2e/support/sse-client';
import { startServer } from '../../e2e/support/server';
import { rssBytes } from '../process-stats';

const GC_ROUNDS = 3;
const BATCHES = 3;

/**
 * Connect-then-abort cycles: afterwards no stream is left open, the process holds no more handles
 * (timers, sockets) than before, and its memory does not keep growing. Memory is sampled after a
 * warm-up and after each of three equal batches of `cycles`: a leak grows in every one. A `next start`
 * process takes steps of 100–250 MB of native memory up and down over its first tens of thousands of
 * requests (JS heap flat; larger since it gzips its pages: the allocator's and zlib's pools are taken
 * and given back), each of which lands in one batch, not in all of them.
 */
type Sample = { streams: number; handles: number; heap: number; heapTotal: number; rss: number };

const mb = (bytes: number) => bytes / 1024 / 1024;

/** Memory growth between two samples, with V8's unused heap pages taken out. */
function growthOf(before: Sample, after: Sample) {
  const rssMb = mb(after.rss - before.rss);
  // V8 grows and shrinks its young generation (16 MB semi-spaces) as it sees fit, whatever was freed:
  // pages it keeps but does not use are not a leak, so they are taken out of the growth.
  const freeHeapPagesMb = mb(after.heapTotal - after.heap - (before.heapTotal - before.heap));
  return { rssMb, freeHeapPagesMb, retainedMb: rssMb - freeHeapPagesMb, heapMb: mb(after.heap - before.heap) };
}

/** One cycle: a stream opened, read until its first event and dropped; or a page load, gzipped, dropped after its first bytes. */
const CYCLES = {
  stream: async (url: string) => {
    const client = await connectSse(url);
    await client.waitFor(() => client.events.length > 0);
    client.close();
  },
  page: async (url: string) => {
    const controller = new AbortController();
    const response = await fetch(`${url}/flights`, { headers: { 'Accept-Encoding': 'gzip' }, signal: controller.signal });
    await response.body!.getReader().read();
    controller.abort();
  },
};

export async function leaks({
  cycles,
  warmUpCycles,
  maxGrowthMb,
  kind = 'stream',
}: {
  cycles: number;
  warmUpCycles: number;
  maxGrowthMb: number;
  /** What each cycle opens and drops (default: a stream). */
  kind?: keyof typeof CYCLES;
}) {
  const server = await startServer({ SIMULATOR: 'off', NODE_OPTIONS: '--expose-gc', SKYBOARD_TEST_HOOKS: 'on', KEEP_ALIVE_TIMEOUT: '5000' });
  try {
    const sample = async (): Promise<Sample> => {
      // Past the server's keep-alive (5 s here), so idle client sockets have closed. Then the lowest RSS over a
      // few full GCs a second apart: V8 hands freed pages back over time, not at once.
      await new Promise((resolve) => setTimeout(resolve, 6000));
      let text = '';
      let rss = Infinity;
      for (let i = 0; i < GC_ROUNDS; i++) {
        text = await (await fetch(`${server.url}/api/metrics?gc=1`)).text();
        await new Promise((resolve) => setTimeout(resolve, 1000));
        rss = Math.min(rss, rssBytes(server.serverPid));
      }
      return {
        streams: metricValue(text, 'skyboard_open_streams'),
        handles: metricValue(text, 'skyboard_nodejs_active_handles_total'),
        heap: metricValue(text, 'skyboard_nodejs_heap_size_used_bytes'),
        heapTotal: metricValue(text, 'skyboard_nodejs_heap_size_total_bytes'),
        rss,
      };
    };
    const cycle = async (count: number) => {
      for (let i = 0; i < count; i += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, count - i) }, () => CYCLES[kind](server.url)),
        );
      }
    };
    // A warm-up first, so what is measured is growth, not the first allocation of caches and pools.
    await cycle(warmUpCycles);
    const samples = [await sample()];
    for (let batch = 0; batch < BATCHES; batch++) {
      await cycle(cycles);
      samples.push(await sample());
    }
    const before = samples[0]!;
    const after = samples.at(-1)!;
    const growths = samples.slice(1).map((sampled, i) => growthOf(samples[i]!, sampled));
    const leaking = growths.every((growth) => growth.retainedMb >= maxGrowthMb);
    const ok = after.streams === 0 && after.handles <= before.handles && !leaking;
    return {
      checks: [
        `${BATCHES} × ${cycles} ${kind === 'page' ? 'compressed page loads aborted after their first bytes' : 'connect-then-abort cycles'} after ${warmUpCycles} to warm up`,
        `open streams afterwards: ${after.streams} (want 0)`,
        `active handles (sockets, timers): ${before.handles} before, ${after.handles} after`,
        ...growths.map(
          ({ rssMb, freeHeapPagesMb, retainedMb, heapMb }, i) =>
            `batch ${i + 1}: RSS growth after GC ${rssMb.toFixed(1)} MB, of which V8's unused heap pages ${freeHeapPagesMb.toFixed(1)} MB: ${retainedMb.toFixed(1)} MB retained (JS heap in use ${heapMb.toFixed(1)} MB)`,
        ),
        `a leak grows in every batch: want at least one under ${maxGrowthMb} MB`,
      ],
      ok,
    };
  } finally {
    await server.stop();
  }
}
