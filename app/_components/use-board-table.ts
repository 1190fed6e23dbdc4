'use client';

import { useTable } from '@tanstack/react-table';
import { useSyncExternalStore } from 'react';
import type { BoardView } from '@/lib/client/board-view';
import type { Flight } from '@/lib/flights/flight';
import { boardTableOptions } from './board-table-options';

function subscribeToWidth(onChange: () => void) {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The viewport's CSS width; null on the server, which cannot know it. */
function useViewportWidth(): number | null {
  return useSyncExternalStore(subscribeToWidth, () => window.innerWidth, () => null);
}

/** The board as one TanStack table; the list and the wall display read the same sorted, filtered rows. */
export function useBoardTable(input: { flights: Flight[]; view: BoardView; timeZone: string; onSortChange: (sort: BoardView['sort']) => void }) {
  const width = useViewportWidth();
  return useTable(boardTableOptions({ ...input, width }));
}

export type BoardTable = ReturnType<typeof useBoardTable>;
