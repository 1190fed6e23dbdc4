import 'server-only';
import { createRetentionSweeper } from '../flights/retention';
import { findAirline, findAirport, type AirlineInfo, type AirportInfo } from '../reference/reference-data';
import { createSeededRandom, systemClock } from '../simulator/clock';
import { createSimulator } from '../simulator/simulator';
import type { Runtime } from './runtime';

// Well-known airports and carriers; their names and cities come from the OpenFlights reference data.
const SIMULATED_AIRPORTS =
  'LGW MAN EDI DUB CDG AMS FRA MUC ZRH VIE CPH ARN OSL HEL MAD BCN LIS FCO MXP ATH IST JFK EWR BOS ORD IAD ATL LAX SFO MIA YYZ DXB DOH AUH SIN HKG HND ICN DEL BOM JNB NBO CAI SYD GRU NCE PRG WAW BUD KEF TLV LHR';
const SIMULATED_AIRLINES = 'BA VS AA DL UA AF KL LH LX OS SN SK AY IB TP AZ EI TK EK QR EY SQ CX JL NH AC QF U2 FR AI';

const known = <T>(items: (T | undefined)[]) => items.filter((item): item is T => item !== undefined);

/** Starts the simulator (unless switched off) and the retention sweeper; returns what stops them. */
export function startBackgroundWork(runtime: Runtime): () => void {
  const { settings, log, home } = runtime;
  const sweeper = createRetentionSweeper({
    log,
    clock: systemClock,
    retentionMs: settings.BOARD_RETENTION_MS,
    intervalMs: Math.min(1000, Math.max(10, settings.BOARD_RETENTION_MS)),
  });
  sweeper.start();
  if (settings.SIMULATOR === 'off') return () => sweeper.stop();
  const airports: AirportInfo[] = known(SIMULATED_AIRPORTS.split(' ').map(findAirport));
  const airlines: AirlineInfo[] = known(SIMULATED_AIRLINES.split(' ').map(findAirline));
  const simulator = createSimulator({
    log,
    clock: systemClock,
    random: createSeededRandom(Date.now()),
    tickMs: settings.SIMULATOR_TICK_MS,
    targetFlights: settings.SIMULATOR_FLIGHTS,
    cast: {
      home: { iata: home.iata, city: home.city },
      airports: airports.map(({ iata, city }) => ({ iata, city })),
      airlines,
    },
  });
  void simulator.start();
  return () => {
    simulator.stop();
    sweeper.stop();
  };
}
