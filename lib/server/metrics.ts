import 'server-only';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LoggedEvent } from '../flights/board-event';
import type { HubStats } from '../sse/stream-hub';

/** The Prometheus registry of this process; counters read the hub's plain numbers when scraped. */
export function createMetrics(readHub: () => { clientCount: number; queuedEvents: number; stats: HubStats }, simulatorRunning: () => boolean) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'skyboard_' });

  new Gauge({
    name: 'skyboard_open_streams',
    help: 'Open event streams on this instance.',
    registers: [registry],
    collect() {
      this.set(readHub().clientCount);
    },
  });

  new Gauge({
    name: 'skyboard_fanout_queue_events',
    help: 'Events waiting for a later turn of the event loop to be handed to the streams (a long run of fan-out split up).',
    registers: [registry],
    collect() {
      this.set(readHub().queuedEvents);
    },
  });

  new Gauge({
    name: 'skyboard_simulator_running',
    help: '1 when this instance runs the simulator (with Redis, only the lease holder does).',
    registers: [registry],
    collect() {
      this.set(simulatorRunning() ? 1 : 0);
    },
  });

  const counters: [keyof HubStats, string, string][] = [
    ['eventsPublished', 'skyboard_events_published_total', 'Events this instance fanned out.'],
    ['eventsDelivered', 'skyboard_events_delivered_total', 'Events written to streams (one per stream per event).'],
    ['slowClientsDropped', 'skyboard_slow_clients_dropped_total', 'Streams dropped because their backlog passed the bound.'],
    ['replaysServed', 'skyboard_replays_served_total', 'Reconnections served by replaying the missed events.'],
    ['snapshotsSent', 'skyboard_snapshots_sent_total', 'Connections that began with a snapshot (fresh, or resume impossible).'],
    ['streamsRefused', 'skyboard_streams_refused_total', 'New streams refused: SSE_MAX_STREAMS reached, or the instance stopping.'],
  ];
  for (const [stat, name, help] of counters) {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(readHub().stats[stat]);
      },
    });
  }

  const latency = new Histogram({
    name: 'skyboard_delivery_latency_seconds',
    help: 'From a flight change (its updatedAt) to its event being handed to the open streams.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  return {
    registry,
    observeFanOut(entry: LoggedEvent) {
      if (entry.event.name !== 'flightStateUpdate') return;
      latency.observe(Math.max(0, Date.now() - Date.parse(entry.event.data.updatedAt)) / 1000);
    },
  };
}
