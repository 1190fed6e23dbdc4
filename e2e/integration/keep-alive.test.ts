import { Agent, request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

/** A GET on a kept-alive agent; resolves with the local port of the socket it went over. */
function getOver(agent: Agent, path: string) {
  return new Promise<number>((resolve, reject) => {
    request(server.url + path, { agent }, (response) => {
      const port = response.socket.localPort!;
      response.resume();
      response.once('end', () => resolve(port));
    })
      .on('error', reject)
      .end();
  });
}

// A proxy keeps idle upstream sockets for up to a minute (nginx's default, and the README's block):
// the server must not close one first, or a request sent into it just then fails.
it('keeps an idle connection open longer than Node’s default five seconds', async () => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const first = await getOver(agent, '/api/health');
  await new Promise((resolve) => setTimeout(resolve, 6500));
  const second = await getOver(agent, '/api/health');
  expect(second).toBe(first);
  agent.destroy();
}, 15_000);
