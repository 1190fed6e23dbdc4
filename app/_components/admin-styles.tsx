const focusRing = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amber-500';

/** The look of the admin pages' inputs and buttons. */
export const adminField = `rounded border border-slate-400 bg-white px-3 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 ${focusRing}`;
export const adminButton = `rounded border border-slate-500 px-3 py-1 hover:bg-slate-100 dark:hover:bg-slate-800 ${focusRing}`;

/** What became of the operator's last action, read out politely; a refusal in red. */
export function AdminMessage({ message }: { message: { ok: boolean; text: string } | null }) {
  return (
    <p aria-live="polite" className={message?.ok === false ? 'font-semibold text-red-700 dark:text-red-300' : ''}>
      {message?.text}
    </p>
  );
}
