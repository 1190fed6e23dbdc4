// Load-generating processes (bench/fanout-client.ts), driven over IPC: connect, reset, report, close.
import { fork, type ChildProcess } from 'node:child_process';

type Message = { type: string; [key: string]: unknown };

function ask(child: ChildProcess, type: string, fields: Record<string, unknown> = {}): Promise<Message> {
  return new Promise((resolve) => {
    const onMessage = (message: Message) => {
      if (message.type === type || (type === 'connect' && message.type === 'connected')) {
        child.off('message', onMessage);
        resolve(message);
      }
    };
    child.on('message', onMessage);
    child.send({ type, ...fields });
  });
}

export interface ClientReport {
  open: number;
  connectErrors: number;
  /** flightStateUpdate events received since the last reset. */
  events: number;
  max: number;
  /** Latency histogram: [ms, count]. */
  buckets: [number, number][];
}

/**
 * `total` SSE clients spread over `processes` processes, round-robin over `urls`; with `lastEventId`
 * they resume from it instead of taking a snapshot.
 */
export async function startClientProcesses(urls: string[], total: number, processes: number, lastEventId?: string) {
  const children = Array.from({ length: processes }, (_, i) => {
    const args = [urls[i % urls.length]!, String(Math.ceil(total / processes)), ...(lastEventId ? [lastEventId] : [])];
    return fork('bench/fanout-client.ts', args, { execArgv: ['--import', 'tsx'] });
  });
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('message', resolve))));
  const askAll = async (type: string) => (await Promise.all(children.map((child) => ask(child, type)))) as unknown as ClientReport[];
  const sum = (reports: ClientReport[], field: 'open' | 'connectErrors' | 'events') => reports.reduce((total, report) => total + report[field], 0);
  return {
    /** Opens every stream; resolves with how many opened and how many failed. */
    connect: async () => {
      const reports = await askAll('connect');
      return { open: sum(reports, 'open'), connectErrors: sum(reports, 'connectErrors') };
    },
    /** Opens every stream at `rate` a second in all, none waiting for another (a reconnect storm); `marker` is what its first data contains. */
    storm: async (rate: number, marker: string) => {
      await Promise.all(children.map((child) => ask(child, 'storm', { rate: rate / children.length, marker })));
    },
    /** How many streams of the storm are open and have had data, and when the last of them got it. */
    stormReport: async () => {
      const reports = (await Promise.all(children.map((child) => ask(child, 'storm-report')))) as unknown as {
        open: number;
        connectErrors: number;
        withData: number;
        lastFirstDataMs: number;
      }[];
      return {
        open: reports.reduce((total, report) => total + report.open, 0),
        connectErrors: reports.reduce((total, report) => total + report.connectErrors, 0),
        withData: reports.reduce((total, report) => total + report.withData, 0),
        lastFirstDataMs: Math.max(...reports.map((report) => report.lastFirstDataMs)),
      };
    },
    /** Forgets what was measured so far (the catch-up, say). */
    reset: () => askAll('reset'),
    /** What every process measured since the last reset, merged. */
    report: async () => {
      const reports = await askAll('report');
      return {
        events: sum(reports, 'events'),
        open: sum(reports, 'open'),
        max: Math.max(...reports.map((report) => report.max)),
        buckets: reports.flatMap((report) => report.buckets),
      };
    },
    close: () => {
      for (const child of children) child.send({ type: 'close' });
    },
  };
}
