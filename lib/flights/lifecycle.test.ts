import { describe, expect, it } from 'vitest';
import type { FlightStatus } from './flight';
import { canTransition, isFinal, statusesFor } from './lifecycle';

describe('canTransition', () => {
  it.each<[FlightStatus, FlightStatus]>([
    ['scheduled', 'landing'],
    ['delayed', 'landing'],
    ['landing', 'landed'],
    ['landed', 'baggage'],
    ['scheduled', 'baggage'],
    ['scheduled', 'delayed'],
    ['delayed', 'scheduled'],
    ['scheduled', 'cancelled'],
    ['delayed', 'cancelled'],
    ['cancelled', 'scheduled'],
    ['landing', 'diverted'],
  ])('lets an arrival move %s → %s', (from, to) => {
    expect(canTransition('arrival', from, to)).toBe(true);
  });

  it.each<[FlightStatus, FlightStatus]>([
    ['landed', 'landing'],
    ['baggage', 'landed'],
    ['landing', 'cancelled'],
    ['landed', 'cancelled'],
    ['scheduled', 'diverted'],
    ['landed', 'diverted'],
    ['cancelled', 'landing'],
    ['diverted', 'landed'],
    ['baggage', 'scheduled'],
    ['scheduled', 'boarding'],
    ['landing', 'departed'],
  ])('refuses an arrival %s → %s', (from, to) => {
    expect(canTransition('arrival', from, to)).toBe(false);
  });

  it.each<[FlightStatus, FlightStatus]>([
    ['scheduled', 'boarding'],
    ['boarding', 'final-call'],
    ['final-call', 'gate-closed'],
    ['gate-closed', 'departed'],
    ['scheduled', 'departed'],
    ['gate-closed', 'boarding'],
    ['gate-closed', 'cancelled'],
    ['final-call', 'cancelled'],
    ['cancelled', 'scheduled'],
  ])('lets a departure move %s → %s', (from, to) => {
    expect(canTransition('departure', from, to)).toBe(true);
  });

  it.each<[FlightStatus, FlightStatus]>([
    ['final-call', 'boarding'],
    ['departed', 'gate-closed'],
    ['departed', 'cancelled'],
    ['boarding', 'scheduled'],
    ['scheduled', 'landing'],
    ['boarding', 'diverted'],
    ['cancelled', 'boarding'],
  ])('refuses a departure %s → %s', (from, to) => {
    expect(canTransition('departure', from, to)).toBe(false);
  });

  it('keeps each direction to its own statuses', () => {
    expect(statusesFor('arrival')).toEqual(
      expect.arrayContaining(['scheduled', 'delayed', 'landing', 'landed', 'baggage', 'cancelled', 'diverted']),
    );
    expect(statusesFor('arrival')).toHaveLength(7);
    expect(statusesFor('departure')).toHaveLength(7);
    expect(statusesFor('departure')).not.toContain('diverted');
  });

  it('names the final statuses', () => {
    expect(['baggage', 'departed', 'cancelled', 'diverted'].every((s) => isFinal(s as FlightStatus))).toBe(true);
    expect(isFinal('landed')).toBe(false);
  });
});
