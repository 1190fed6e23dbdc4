'use client';

import { flexRender } from '@tanstack/react-table';
import type { BoardTable } from './use-board-table';

const SORT_ARROWS = { asc: '▲', desc: '▼' } as const;

/**
 * The column headers, from the table: a sortable one is a button that toggles the table's own
 * sorting, and the sorted one carries aria-sort.
 */
export function BoardHeaderRow({ table, sortable = true }: { table: BoardTable; sortable?: boolean }) {
  return (
    <tr aria-rowindex={1}>
      {table.getHeaderGroups()[0]!.headers.map((header) => {
        const { column } = header;
        const sorted = column.getIsSorted();
        const label = flexRender(column.columnDef.header, header.getContext());
        return (
          <th
            key={header.id}
            scope="col"
            aria-sort={sortable && sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}
            className={`border-b border-slate-300 px-1.5 py-2 sm:px-3 dark:border-slate-700 ${column.columnDef.meta?.width ?? ''} ${column.columnDef.meta?.responsive ?? ''}`}
          >
            {sortable && column.getCanSort() ? (
              <button
                type="button"
                onClick={column.getToggleSortingHandler()}
                className="inline-flex items-center gap-1 rounded uppercase focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500"
              >
                {label}
                <span aria-hidden="true">{sorted ? SORT_ARROWS[sorted] : '↕'}</span>
              </button>
            ) : (
              label
            )}
          </th>
        );
      })}
    </tr>
  );
}
