'use client';

import { useCallback, useState } from 'react';
import { boardViewQuery, type BoardView } from './board-view';

/**
 * The board view, mirrored into the URL with history.replaceState: a reload or a shared link shows
 * the same rows, and typing in the search field costs no navigation.
 */
export function useUrlView(initial: BoardView) {
  const [view, setView] = useState(initial);

  const update = useCallback((change: Partial<BoardView>) => {
    setView((current) => {
      const next = { ...current, ...change };
      window.history.replaceState(null, '', `${window.location.pathname}${boardViewQuery(next)}`);
      return next;
    });
  }, []);

  return { view, update };
}
