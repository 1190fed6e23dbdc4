import { connect, type Socket } from 'node:net';

export interface StalledClient {
  socket: Socket;
  /** What arrived so far (nothing, until the test resumes the socket). */
  received: () => string;
  closed: Promise<void>;
}

/** A client that sends its request for the stream and then stops reading until told to. */
export function stalledClient(port: number, headers: Record<string, string> = {}): Promise<StalledClient> {
  return new Promise((resolve) => {
    let received = '';
    const lines = Object.entries({ Host: '127.0.0.1', Accept: 'text/event-stream', ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET /api/events HTTP/1.1\r\n${lines.join('')}\r\n`);
      socket.pause();
      resolve({ socket, received: () => received, closed });
    });
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (received += chunk));
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('error', () => undefined);
  });
}
