/**
 * Calls `publish` at `rate` per second for `seconds`. A saturated server must not drown in queued
 * writes: past `maxPending` in flight, a write is skipped and counted. `onTick` runs every few ms.
 */
export async function paceWrites(
  { rate, seconds, maxPending }: { rate: number; seconds: number; maxPending: number },
  publish: (i: number) => Promise<unknown>,
  onTick: () => void = () => undefined,
) {
  const started = Date.now();
  let sent = 0;
  let pending = 0;
  let skipped = 0;
  let failed = 0;
  const inFlight: Promise<unknown>[] = [];
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    while (sent + skipped < due) {
      if (pending >= maxPending) {
        skipped += 1;
        continue;
      }
      pending += 1;
      sent += 1;
      inFlight.push(
        publish(sent)
          .catch(() => (failed += 1))
          .finally(() => (pending -= 1)),
      );
    }
    onTick();
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await Promise.all(inFlight);
  return { done: sent - failed, skipped, failed };
}

/** A write counts only when the server accepted it: a refusal rejects, and the writer counts it failed. */
export async function acknowledged(response: Promise<Response>) {
  const { ok, status } = await response;
  if (!ok) throw new Error(`write refused with ${status}`);
}
