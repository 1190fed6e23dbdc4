import type { Flight, FlightStatus } from '../flights/flight';
import { createSeededRandom, type Random } from './random';

const MINUTE = 60_000;

/**
 * The timeline of a simulated flight, in minutes around its scheduled time T0 (E is the estimate it
 * ends up with: T0 plus any delay, plus the last radar estimate for an arrival). Written down here
 * once; the tests walk a day against it.
 */
export const TIMELINE = {
  /** Arrivals get radar estimates from this long before T0, refined every 1 to 3 minutes... */
  estimatesFromMinutes: 90,
  /** ...until this long before E, each moving the estimate by -2 to +2 minutes (at most 10 early, 10 late). */
  lastEstimateBeforeMinutes: 20,
  landingBeforeMinutes: 10,
  /** Touchdown within this many minutes either side of E. */
  landWithinMinutes: 3,
  baggageAfterLandingMinutes: [10, 20],
  /** Departures show their gate this long before T0, and sometimes change it 10 minutes later. */
  gateShownBeforeMinutes: 60,
  gateChangeBeforeMinutes: 50,
  boardingBeforeMinutes: 40,
  finalCallBeforeMinutes: 15,
  gateClosedBeforeMinutes: 10,
  /** Departure (pushback) within this many minutes after E. */
  departWithinMinutes: 6,
  /** 15% of flights are delayed by 15 to 90 minutes, announced 50 to 150 minutes before T0... */
  delayShare: 0.15,
  delayMinutes: [15, 90],
  delayAnnouncedBeforeMinutes: [50, 150],
  /** ...and a third of those are put back again by 10 to 30 minutes, 45 minutes before the first estimate. */
  revisionShare: 0.33,
  revisionMinutes: [10, 30],
  revisionBeforeMinutes: 45,
  gateChangeShare: 0.1,
  /** 2% are cancelled 45 to 120 minutes before T0; 1% of arrivals divert from their approach. */
  cancelShare: 0.02,
  cancelBeforeMinutes: [45, 120],
  divertShare: 0.01,
} as const;

/** What the simulator decides about one flight, drawn from its id, so every instance decides the same. */
export interface FlightPlan {
  delayMinutes: number;
  delayAnnouncedAt: number;
  revisionMinutes: number;
  cancelledAt: number | null;
  diverts: boolean;
  gate: string;
  changedGate: string | null;
  belt: string;
  /** Arrivals: the radar estimates, as [from, offset from T0 + delay in minutes]. */
  estimates: [number, number][];
  /** The time the estimate settles on (arrivals) or the time after delays (departures). */
  finalEstimate: number;
  touchdownOrPushback: number;
  baggageAt: number;
}

const between = (random: Random, [min, max]: readonly [number, number]) => min + Math.floor(random() * (max - min + 1));
const gateName = (random: Random) => `${'ABC'[Math.floor(random() * 3)]}${between(random, [1, 40])}`;

function hashOf(text: string): number {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return hash >>> 0;
}

// Plans are pure, and every tick asks for every simulated flight's: keep them. Cleared when it grows
// past any board's size, which costs a tick's worth of recomputation.
const PLAN_CACHE_LIMIT = 50_000;
const plans = new Map<string, FlightPlan>();

/** The plan of a simulated flight: always the same for the same id and scheduled time. */
export function planOf(flight: Pick<Flight, 'id' | 'direction' | 'scheduled'>): FlightPlan {
  const key = `${flight.id} ${flight.direction} ${flight.scheduled}`;
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= PLAN_CACHE_LIMIT) plans.clear();
    plan = drawPlan(flight);
    plans.set(key, plan);
  }
  return plan;
}

function drawPlan({ id, direction, scheduled }: Pick<Flight, 'id' | 'direction' | 'scheduled'>): FlightPlan {
  const random = createSeededRandom(hashOf(id));
  const t0 = Date.parse(scheduled);
  const delayed = random() < TIMELINE.delayShare;
  const delayMinutes = delayed ? 5 * Math.round(between(random, TIMELINE.delayMinutes) / 5) : 0;
  const delayAnnouncedAt = t0 - between(random, TIMELINE.delayAnnouncedBeforeMinutes) * MINUTE;
  const revisionMinutes = delayed && random() < TIMELINE.revisionShare ? 5 * Math.round(between(random, TIMELINE.revisionMinutes) / 5) : 0;
  const cancelledAt = random() < TIMELINE.cancelShare ? t0 - between(random, TIMELINE.cancelBeforeMinutes) * MINUTE : null;
  const diverts = direction === 'arrival' && random() < TIMELINE.divertShare;
  const gate = gateName(random);
  const changedGate = random() < TIMELINE.gateChangeShare ? gateName(random) : null;
  const belt = String(between(random, [1, 12]));
  const planned = t0 + (delayMinutes + revisionMinutes) * MINUTE;

  const estimates: [number, number][] = [];
  let finalEstimate = planned;
  if (direction === 'arrival') {
    let offset = 0;
    let at = t0 - TIMELINE.estimatesFromMinutes * MINUTE;
    while (at <= planned + offset * MINUTE - TIMELINE.lastEstimateBeforeMinutes * MINUTE) {
      estimates.push([at, offset]);
      offset = Math.max(-10, Math.min(10, offset + between(random, [-2, 2])));
      at += between(random, [1, 3]) * MINUTE;
    }
    finalEstimate = planned + (estimates.at(-1)?.[1] ?? 0) * MINUTE;
  }
  const touchdownOrPushback =
    direction === 'arrival'
      ? finalEstimate + between(random, [-TIMELINE.landWithinMinutes, TIMELINE.landWithinMinutes]) * MINUTE
      : finalEstimate + between(random, [0, TIMELINE.departWithinMinutes]) * MINUTE;
  const baggageAt = touchdownOrPushback + between(random, TIMELINE.baggageAfterLandingMinutes) * MINUTE;
  return { delayMinutes, delayAnnouncedAt, revisionMinutes, cancelledAt, diverts, gate, changedGate, belt, estimates, finalEstimate, touchdownOrPushback, baggageAt };
}

/** The fields the simulator moves. */
export type SimulatedState = Pick<Flight, 'status' | 'estimated' | 'actual' | 'gate' | 'belt'>;

const iso = (ms: number) => new Date(ms).toISOString();
const minutesBefore = (ms: number, minutes: number) => ms - minutes * MINUTE;

/** Where a simulated flight stands at board time `now`, by its plan. */
export function stateAt(flight: Pick<Flight, 'direction' | 'scheduled'>, plan: FlightPlan, now: number): SimulatedState {
  return flight.direction === 'arrival' ? arrivalAt(Date.parse(flight.scheduled), plan, now) : departureAt(Date.parse(flight.scheduled), plan, now);
}

/** The delay known at `now`: none before it is announced; the revision only from its own time. */
function knownDelayMinutes(t0: number, plan: FlightPlan, now: number): number {
  if (plan.delayMinutes === 0 || now < plan.delayAnnouncedAt) return 0;
  const revisedAt = minutesBefore(t0 + plan.delayMinutes * MINUTE, TIMELINE.revisionBeforeMinutes);
  return plan.delayMinutes + (now >= revisedAt ? plan.revisionMinutes : 0);
}

function waitingStatus(plan: FlightPlan, now: number): FlightStatus {
  return plan.delayMinutes > 0 && now >= plan.delayAnnouncedAt ? 'delayed' : 'scheduled';
}

function departureAt(t0: number, plan: FlightPlan, now: number): SimulatedState {
  const delay = knownDelayMinutes(t0, plan, now);
  const estimated = delay > 0 ? iso(t0 + delay * MINUTE) : null;
  const gateShown = now >= minutesBefore(t0, TIMELINE.gateShownBeforeMinutes);
  const gateChanged = plan.changedGate !== null && now >= minutesBefore(t0, TIMELINE.gateChangeBeforeMinutes);
  const gate = gateShown ? (gateChanged ? plan.changedGate : plan.gate) : null;
  const base = { estimated, actual: null, gate, belt: null };
  const e = plan.finalEstimate;
  if (plan.cancelledAt !== null && now >= plan.cancelledAt) return { ...base, status: 'cancelled' };
  if (now >= plan.touchdownOrPushback) return { ...base, status: 'departed', actual: iso(plan.touchdownOrPushback) };
  if (now >= minutesBefore(e, TIMELINE.gateClosedBeforeMinutes)) return { ...base, status: 'gate-closed' };
  if (now >= minutesBefore(e, TIMELINE.finalCallBeforeMinutes)) return { ...base, status: 'final-call' };
  if (now >= minutesBefore(e, TIMELINE.boardingBeforeMinutes)) return { ...base, status: 'boarding' };
  return { ...base, status: waitingStatus(plan, now) };
}

function arrivalAt(t0: number, plan: FlightPlan, now: number): SimulatedState {
  const delay = knownDelayMinutes(t0, plan, now);
  const radar = plan.estimates.findLast(([from]) => from <= now);
  const estimatedMs = radar ? t0 + (delay + radar[1]) * MINUTE : delay > 0 ? t0 + delay * MINUTE : null;
  const base = { estimated: estimatedMs === null ? null : iso(estimatedMs), actual: null, gate: null, belt: null };
  const e = plan.finalEstimate;
  if (plan.cancelledAt !== null && now >= plan.cancelledAt) return { ...base, status: 'cancelled' };
  if (plan.diverts && now >= minutesBefore(e, TIMELINE.landingBeforeMinutes / 2)) return { ...base, status: 'diverted' };
  const landed = { ...base, actual: iso(plan.touchdownOrPushback), belt: plan.belt };
  if (now >= plan.baggageAt) return { ...landed, status: 'baggage' };
  if (now >= plan.touchdownOrPushback) return { ...landed, status: 'landed' };
  if (now >= minutesBefore(e, TIMELINE.landingBeforeMinutes)) return { ...base, status: 'landing' };
  return { ...base, status: waitingStatus(plan, now) };
}

/** When a simulated flight's last change is due: after this it only waits for retention to take it off. */
export function lastChangeAt(direction: Flight['direction'], plan: FlightPlan): number {
  if (plan.cancelledAt !== null) return plan.cancelledAt;
  if (direction === 'departure') return plan.touchdownOrPushback;
  return plan.diverts ? minutesBefore(plan.finalEstimate, TIMELINE.landingBeforeMinutes / 2) : plan.baggageAt;
}
