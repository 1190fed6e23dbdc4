import { connectSse } from '../../e2e/support/sse-client';
import { startServer } from '../../e2e/support/server';
import { rssBytes } from '../process-stats';

const metric = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

/**
 * Connect-then-abort cycles: afterwards no stream is left open, the process holds no more handles
 * (timers, sockets) than before, and its memory has not grown by more than the bound.
 */
export async function leaks({ cycles, maxGrowthMb }: { cycles: number; maxGrowthMb: number }) {
  const server = await startServer({ SIMULATOR: 'off', NODE_OPTIONS: '--expose-gc' });
  try {
    const sample = async () => {
      // Past the server's 5 s keep-alive, so idle client sockets have closed, then after a full GC.
      await new Promise((resolve) => setTimeout(resolve, 6000));
      const text = await (await fetch(`${server.url}/api/metrics?gc=1`)).text();
      return {
        streams: metric(text, 'skyboard_open_streams'),
        handles: metric(text, 'skyboard_nodejs_active_handles_total'),
        rss: rssBytes(server.process.pid!),
      };
    };
    const cycle = async (count: number) => {
      for (let i = 0; i < count; i += 50) {
        await Promise.all(
          Array.from({ length: Math.min(50, count - i) }, async () => {
            const client = await connectSse(server.url);
            await client.waitFor(() => client.events.length > 0);
            client.close();
          }),
        );
      }
    };
    // A warm-up first, so what is measured is growth, not the first allocation of caches and pools.
    await cycle(Math.min(1000, cycles));
    const before = await sample();
    await cycle(cycles);
    const after = await sample();
    const growthMb = (after.rss - before.rss) / 1024 / 1024;
    const ok = after.streams === 0 && after.handles <= before.handles && growthMb < maxGrowthMb;
    return {
      checks: [
        `${cycles} connect-then-abort cycles`,
        `open streams afterwards: ${after.streams} (want 0)`,
        `active handles (sockets, timers): ${before.handles} before, ${after.handles} after`,
        `RSS growth: ${growthMb.toFixed(1)} MB (want under ${maxGrowthMb} MB)`,
      ],
      ok,
    };
  } finally {
    await server.stop();
  }
}
