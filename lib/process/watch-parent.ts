/**
 * Calls `onOrphaned` once when this process's parent dies without telling it (the process is then
 * re-parented, so its parent pid changes): a server whose launcher or supervisor was killed shuts
 * down instead of living on, holding its port. A process started by init, or as a container's first
 * process, has no parent to lose and is not watched.
 */
export function watchParent(onOrphaned: () => void, everyMs = 500): () => void {
  const parent = process.ppid;
  if (parent <= 1) return () => undefined;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onOrphaned();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
