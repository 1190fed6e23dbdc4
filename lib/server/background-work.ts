import 'server-only';
import { createHistorySweeper } from '../board/history-sweeper';
import { createRetentionSweeper } from '../board/retention';
import { componentLogger } from '../log/logger';
import { redisKeys } from '../events/redis-keys';
import { findAirline, findAirport } from '../reference/reference-data';
import { createSeededRandom } from '../simulator/random';
import { createSimulator } from '../simulator/simulator';
import type { Runtime } from './runtime';
import { sharedClockOrigin } from './shared-clock-origin';
import { holdLease } from './simulator-lease';
import { logStreamTrouble } from './stream-trouble-log';

// Well-known airports and carriers; their names and cities come from the OpenFlights reference data.
const SIMULATED_AIRPORTS =
  'LGW MAN EDI DUB CDG AMS FRA MUC ZRH VIE CPH ARN OSL HEL MAD BCN LIS FCO MXP ATH IST JFK EWR BOS ORD IAD ATL LAX SFO MIA YYZ DXB DOH AUH SIN HKG HND ICN DEL BOM JNB NBO CAI SYD GRU NCE PRG WAW BUD KEF TLV LHR';
const SIMULATED_AIRLINES = 'BA VS AA DL UA AF KL LH LX OS SN SK AY IB TP AZ EI TK EK QR EY SQ CX JL NH AC QF U2 FR AI';
const LEASE_TTL_MS = 6000;
// Flight history is kept for days: an hourly sweep removes what has aged out.
const HISTORY_SWEEP_MS = 3_600_000;

const known = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined);

function createBuiltInSimulator({ settings, log, home, clock }: Runtime) {
  return createSimulator({
    log,
    clock,
    random: createSeededRandom(Date.now()),
    tickMs: settings.SIMULATOR_TICK_MS,
    targetFlights: settings.SIMULATOR_FLIGHTS,
    retentionMs: settings.BOARD_RETENTION_MS,
    cast: {
      home: { iata: home.iata, city: home.city },
      airports: known(SIMULATED_AIRPORTS.split(' ').map(findAirport)).map(({ iata, city }) => ({ iata, city })),
      airlines: known(SIMULATED_AIRLINES.split(' ').map(findAirline)),
    },
  });
}

/**
 * Starts the retention and history sweepers, the log of stream trouble and (unless switched off) the simulator;
 * with Redis, the simulator runs only on the instance holding the lease. Returns what stops it all.
 */
export async function startBackgroundWork(runtime: Runtime): Promise<() => Promise<void>> {
  const stopTroubleLog = logStreamTrouble(runtime.hub.stats);
  const historySweeper = createHistorySweeper({ log: runtime.log, retentionDays: runtime.settings.AUDIT_RETENTION_DAYS, intervalMs: HISTORY_SWEEP_MS });
  historySweeper.start();
  const stopBoardWork = await startBoardWork(runtime);
  return async () => {
    stopTroubleLog();
    historySweeper.stop();
    await stopBoardWork();
  };
}

async function startBoardWork(runtime: Runtime): Promise<() => Promise<void>> {
  const { settings, log, clock } = runtime;
  if (settings.REDIS_URL && clock.speed !== 1) {
    const key = redisKeys(settings.REDIS_PREFIX).clockOrigin;
    try {
      clock.adoptOrigin(await sharedClockOrigin({ url: settings.REDIS_URL, key, candidate: clock.origin }));
    } catch (error) {
      componentLogger('clock').warn({ err: error }, "cannot read the shared board clock from Redis; this instance's clock starts now");
    }
  }
  const sweeper = createRetentionSweeper({
    log,
    clock,
    retentionMs: settings.BOARD_RETENTION_MS,
    intervalMs: Math.min(1000, Math.max(10, settings.BOARD_RETENTION_MS)),
  });
  sweeper.start();
  if (settings.SIMULATOR === 'off') return async () => sweeper.stop();

  const simulator = createBuiltInSimulator(runtime);
  const run = () => {
    runtime.simulatorRunning = true;
    void simulator.start();
  };
  const halt = () => {
    runtime.simulatorRunning = false;
    simulator.stop();
  };
  if (!settings.REDIS_URL) {
    run();
    return async () => {
      halt();
      sweeper.stop();
    };
  }
  const lease = holdLease({
    url: settings.REDIS_URL,
    key: redisKeys(settings.REDIS_PREFIX).simulatorLease,
    owner: runtime.instance,
    ttlMs: LEASE_TTL_MS,
    outage: runtime.redisOutage,
    start: run,
    stop: halt,
  });
  return async () => {
    await lease.release();
    sweeper.stop();
  };
}
