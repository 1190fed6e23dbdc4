/** Lets one import run at a time per board: `enter` gives the way out, or null while another runs. */
export interface ImportGate {
  enter(): Promise<(() => void) | null>;
}

/** The gate of a board that lives in this one process (memory or SQLite). */
export function createLocalImportGate(): ImportGate {
  let running = false;
  return {
    async enter() {
      if (running) return null;
      running = true;
      return () => {
        running = false;
      };
    },
  };
}
