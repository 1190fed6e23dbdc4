// Runs once when the server starts: validates the settings and starts the background work.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/server/start-server');
  startServer();
}
