import { useTable } from '@tanstack/react-table';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { parseBoardView } from '@/lib/client/board-view';
import { makeFlight } from '@/lib/flights/flight.fixture';
import { BOARD_COLUMNS } from './board-columns';
import { boardTableOptions } from './board-table-options';
import type { BoardTable } from './use-board-table';

const departure = (flight: string, scheduled: string, overrides = {}) =>
  makeFlight({ id: `${flight}-x`, flight, codeshares: [], scheduled: `2026-11-22T${scheduled}:00.000Z`, ...overrides });
const flights = [
  departure('OS1554', '10:00', { airline: 'Austrian Airlines', status: 'boarding' }),
  departure('OS41', '10:00', { airline: 'Austrian Airlines' }),
  departure('AZ768', '09:30', { codeshares: ['DL6618'], destination: { iata: 'FCO', city: 'Rome' } }),
  departure('BA117', '11:00', { airline: 'British Airways', destination: { iata: 'JFK', city: 'New York' }, status: 'boarding' }),
  makeFlight({ id: 'EK1-x', flight: 'EK1', direction: 'arrival', origin: { iata: 'DXB', city: 'Dubai' }, destination: { iata: 'LHR', city: 'London' } }),
];

/** The board's table for a URL query, as React builds it (rendered once, on the server side of React). */
function tableFor(query: string, { onSortChange = (() => undefined) as (sort: unknown) => void } = {}) {
  let table: BoardTable | undefined;
  function Probe() {
    table = useTable(boardTableOptions({ flights, view: parseBoardView(new URLSearchParams(query)), timeZone: 'Europe/London', language: 'en', onSortChange }));
    return null;
  }
  renderToString(createElement(Probe));
  return table!;
}

/** The designators the table shows for a URL query, in its order, and its visible columns. */
function shown(query: string) {
  const table = tableFor(query);
  return { flights: table.getRowModel().rows.map((row) => row.original.flight), columns: table.getVisibleLeafColumns().map((column) => column.id) };
}

describe('the board table', () => {
  it('shows one direction per tab, in airport order: time, then designators in natural order', () => {
    expect(shown('tab=departures').flights).toEqual(['AZ768', 'OS41', 'OS1554', 'BA117']);
    expect(shown('').flights).toEqual(['EK1']);
  });

  it('sorts by the chosen column through the table, falling back on airport order', () => {
    expect(shown('tab=departures&sort=flight').flights).toEqual(['AZ768', 'BA117', 'OS41', 'OS1554']);
    expect(shown('tab=departures&sort=flight&order=desc').flights).toEqual(['OS1554', 'OS41', 'BA117', 'AZ768']);
    expect(shown('tab=departures&sort=airline').flights).toEqual(['OS41', 'OS1554', 'BA117', 'AZ768']);
  });

  it('filters by the search (designator, codeshare, airline, city, code) and by status, in the table state', () => {
    expect(shown('tab=departures&q=dl66').flights).toEqual(['AZ768']);
    expect(shown('tab=departures&q=new york').flights).toEqual(['BA117']);
    expect(shown('tab=departures&q=AUSTRIAN').flights).toEqual(['OS41', 'OS1554']);
    expect(shown('q=dxb').flights).toEqual(['EK1']);
    expect(shown('tab=departures&status=boarding').flights).toEqual(['OS1554', 'BA117']);
  });

  it('shows the gate on departures and the belt on arrivals; which of them a phone hides is left to CSS', () => {
    expect(shown('tab=departures').columns).toEqual(['scheduled', 'flight', 'airline', 'place', 'terminal', 'gate', 'status']);
    expect(shown('').columns).toEqual(['scheduled', 'flight', 'airline', 'place', 'terminal', 'belt', 'status']);
    expect(BOARD_COLUMNS.filter((column) => column.meta?.responsive).map((column) => column.id)).toEqual(['airline', 'terminal', 'gate', 'belt']);
  });

  it('turns a header toggle into the next sort of the URL view: ascending, descending, then the default', () => {
    const onSortChange = vi.fn();
    const toggle = (query: string, column: string) => {
      tableFor(query, { onSortChange }).getColumn(column)!.getToggleSortingHandler()!({});
      return onSortChange.mock.lastCall![0];
    };
    expect(toggle('tab=departures', 'flight')).toEqual({ column: 'flight', desc: false });
    expect(toggle('tab=departures&sort=flight', 'flight')).toEqual({ column: 'flight', desc: true });
    expect(toggle('tab=departures&sort=flight&order=desc', 'flight')).toBeNull();
  });
});
