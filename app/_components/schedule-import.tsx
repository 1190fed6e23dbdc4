'use client';

import { useState, type DragEvent, type FormEvent } from 'react';
import { readEventStream } from '@/lib/client/read-event-stream';
import { parseImportMessage, type ImportMessage } from '@/lib/schedule/import-messages';

type DataOf<N extends ImportMessage['name']> = Extract<ImportMessage, { name: N }>['data'];
type Progress = DataOf<'importProgress'>;
type RowError = DataOf<'importError'>;
type Summary = DataOf<'importDone'>;

const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500';
const contentTypeOf = (file: File) => (file.name.toLowerCase().endsWith('.json') ? 'application/json' : 'text/csv');

/** Upload a day's schedule and watch it land: a progress bar fed by the import's own event stream. */
export function ScheduleImport() {
  // Kept in this component's memory only: never stored, never sent anywhere but the import request.
  const [token, setToken] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [failure, setFailure] = useState('');

  const percent = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setProgress(null);
    setErrors([]);
    setSummary(null);
    setFailure('');
    try {
      const response = await fetch('/api/schedule', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentTypeOf(file) },
        body: file,
      });
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        setFailure(body?.error?.message ?? `The server answered ${response.status}.`);
        return;
      }
      await readEventStream(response.body, (name, json) => {
        // Checked against the server's own schemas: a frame that is not one of them is dropped.
        const message = parseImportMessage(name, json);
        if (message?.name === 'importProgress') setProgress(message.data);
        if (message?.name === 'importError') setErrors((current) => [...current, message.data]);
        if (message?.name === 'importDone') setSummary(message.data);
      });
    } catch {
      setFailure('The connection was lost; check the board before importing again (an import applies all or nothing).');
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) setFile(dropped);
  };

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <label className="flex flex-col gap-1 text-sm">
          <span>API token</span>
          <input
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            required
            className={`rounded border border-slate-400 bg-white px-3 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${focusRing}`}
          />
        </label>
        <div
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          className={`flex flex-col gap-2 rounded border-2 border-dashed p-6 ${dragging ? 'border-amber-500' : 'border-slate-400 dark:border-slate-600'}`}
        >
          <label className="flex flex-col gap-1 text-sm">
            <span>Schedule file (CSV or JSON)</span>
            <input
              type="file"
              accept=".csv,.json,text/csv,application/json"
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              className={focusRing}
            />
          </label>
          <p className="text-sm text-slate-600 dark:text-slate-300">
            {file ? `Chosen: ${file.name} (${Math.ceil(file.size / 1024)} KiB)` : 'Or drop a file here.'}
          </p>
        </div>
        <button
          type="submit"
          disabled={!file || !token || busy}
          className={`self-start rounded bg-amber-400 px-4 py-2 font-semibold text-slate-950 disabled:opacity-50 ${focusRing}`}
        >
          {busy ? 'Importing…' : 'Import schedule'}
        </button>
      </form>

      {progress && (
        <section aria-label="Import progress" className="flex flex-col gap-2">
          <div
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-4 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full bg-amber-500 transition-[width] motion-reduce:transition-none" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-sm">
            {progress.phase === 'validating' ? 'Validating' : 'Applying'}: {progress.done} of {progress.total} rows ({percent} %)
          </p>
        </section>
      )}

      {failure && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {failure}
        </p>
      )}

      {summary && (
        <p role="status" className="font-semibold">
          {summary.rejected
            ? `Nothing was applied: ${summary.rejected} ${summary.rejected === 1 ? 'row has' : 'rows have'} errors.`
            : `Imported: ${summary.created} created, ${summary.updated} updated.`}
        </p>
      )}

      {errors.length > 0 && (
        <section aria-label="Row errors">
          <h2 className="mb-2 font-semibold">Row errors</h2>
          <ul className="list-disc pl-6 text-sm">
            {errors.map((error, index) => (
              <li key={index}>
                Row {error.row}, {error.field}: {error.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
