/** The longest wait between two attempts (CONTRACT section 5). */
export const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * How long to wait before reconnect attempt `attempt` (0 for the first): exponential backoff with
 * full jitter, starting from the server's `retry:` hint and capped at 30 s, so boards that lost one
 * instance come back spread over seconds, not at one instant.
 */
export function reconnectDelay(attempt: number, retryMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_RECONNECT_DELAY_MS, Math.max(1, retryMs) * 2 ** Math.min(attempt, 16));
  return Math.floor(random() * ceiling);
}
