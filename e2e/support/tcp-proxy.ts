import { createServer, connect, type Socket } from 'node:net';

interface Link {
  client: Socket;
  upstream: Socket;
  /** Whether a request on this connection asked for the event stream. */
  stream: boolean;
  /** The server's bytes are dropped, not passed to the client; the socket stays open. */
  held: boolean;
}

/**
 * A TCP proxy on loopback for tests: a load balancer over several upstream ports (round robin, each
 * new connection to the next), and the network faults a board must survive: a stream whose bytes
 * stop (a half-open socket, a frozen instance) and a proxy that buffers event streams.
 */
export async function startTcpProxy(upstreamPorts: number[]) {
  let upstreams = [...upstreamPorts];
  let next = 0;
  let bufferStreams = false;
  const links = new Set<Link>();

  const server = createServer((client) => {
    const port = upstreams[next++ % upstreams.length]!;
    const upstream = connect(port, '127.0.0.1');
    const link: Link = { client, upstream, stream: false, held: false };
    links.add(link);
    client.on('data', (chunk: Buffer) => {
      if (!link.stream && chunk.toString('latin1').includes('GET /api/events')) {
        link.stream = true;
        link.held ||= bufferStreams;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!link.held) client.write(chunk);
      // A stream's response has ended (the last chunk of a chunked body): the connection goes too,
      // so the client's next stream is balanced afresh, as a balancer of requests would.
      if (link.stream && chunk.toString('latin1').endsWith('0\r\n\r\n')) end();
    });
    const end = () => {
      links.delete(link);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    /** New connections go round robin over these. */
    setUpstreams(ports: number[]) {
      upstreams = [...ports];
    },
    /** Every event stream open now stops delivering, its socket left open (new ones pass). */
    holdOpenStreams() {
      for (const link of links) if (link.stream) link.held = true;
    },
    /** While on, event streams deliver nothing at all, as a proxy that buffers them would. */
    setBufferStreams(on: boolean) {
      bufferStreams = on;
    },
    close() {
      for (const link of links) {
        link.client.destroy();
        link.upstream.destroy();
      }
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TcpProxy = Awaited<ReturnType<typeof startTcpProxy>>;
