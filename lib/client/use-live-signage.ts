'use client';

import { useCallback, useState } from 'react';
import type { BoardContent } from '../flights/board';
import type { BoardEvent } from '../flights/board-event';
import { applySignageEventsInPlace, signageFrom, type Signage } from '../signage/signage';

/**
 * The notices and named screens in the browser. They change rarely (an operator's action), so each
 * change makes a new value, folded by the same reducer as the stores use.
 */
export function useLiveSignage(initial: BoardContent) {
  const [signage, setSignage] = useState<Signage>(() => signageFrom(initial));

  const receive = useCallback((event: BoardEvent) => {
    setSignage((current) => applySignageEventsInPlace({ notices: new Map(current.notices), screens: new Map(current.screens) }, [event]));
  }, []);

  const replace = useCallback((content: BoardContent) => setSignage(signageFrom(content)), []);

  return { signage, receive, replace };
}
