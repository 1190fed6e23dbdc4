/**
 * Every Redis key and channel a board uses, under its REDIS_PREFIX: the one place that names them,
 * so boards sharing a Redis never meet and an operator can see what a prefix holds.
 */
export function redisKeys(prefix: string) {
  return {
    /** The event log (a Stream; its entry ids are the SSE ids). */
    events: `${prefix}:events`,
    /** The board: flight id → the flight's JSON. */
    flights: `${prefix}:flights`,
    /** The active notices: notice id → the notice's JSON. */
    notices: `${prefix}:notices`,
    /** The named screens: screen name → the screen's JSON. */
    screens: `${prefix}:screens`,
    /** Each flight's history: a Stream per flight under this prefix (add the flight's id). */
    historyPrefix: `${prefix}:history:`,
    /** Flight id → when its history last grew (ms), so a sweep finds the histories that are all old. */
    historyIndex: `${prefix}:history-index`,
    /** The id of the last event the board includes. */
    last: `${prefix}:last`,
    /** Set when a board was restored into an empty Redis: ids older than it cannot be replayed. */
    floor: `${prefix}:floor`,
    /** When each flight now final got there. */
    finalSince: `${prefix}:final-since`,
    /** Pub/sub channel that carries a server close to every instance. */
    control: `${prefix}:control`,
    /** Lease of the instance that runs the simulator. */
    simulatorLease: `${prefix}:simulator-lease`,
    /** Lease of the instance running an import. */
    importGate: `${prefix}:import-running`,
    /** The shared origin of a sped-up board clock. */
    clockOrigin: `${prefix}:clock-origin`,
  };
}
