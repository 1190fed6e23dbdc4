'use client';

import { useTable } from '@tanstack/react-table';
import type { BoardView } from '@/lib/client/board-view';
import type { Flight } from '@/lib/flights/flight';
import type { Language } from '@/lib/i18n/languages';
import { translator } from '@/lib/i18n/translate';
import { boardTableOptions } from './board-table-options';

/** The board as one TanStack table; the list and the wall display read the same sorted, filtered rows. */
export function useBoardTable(input: { flights: Flight[]; view: BoardView; timeZone: string; language: Language; onSortChange: (sort: BoardView['sort']) => void }) {
  return useTable(boardTableOptions(input));
}

export type BoardTable = ReturnType<typeof useBoardTable>;

/** What every row's cells depend on besides its flight: the visible columns and the language (a change re-renders the rows). */
export const rowsKeyOf = (table: BoardTable) => `${table.getVisibleLeafColumns().map((column) => column.id).join(' ')} ${table.options.meta!.language}`;

/** The board's words in the language it speaks now. */
export const translatorOf = (table: BoardTable) => translator(table.options.meta!.language);
