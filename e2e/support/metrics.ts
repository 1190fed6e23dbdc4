import type { RunningServer } from './server';

/** A sample's value in Prometheus text format, or NaN when the metric is absent. */
export function metricValue(text: string, name: string): number {
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
}

/** One metric of a running server, read from its `/api/metrics`. */
export async function readMetric(server: RunningServer, name: string): Promise<number> {
  return metricValue(await (await fetch(`${server.url}/api/metrics`)).text(), name);
}
