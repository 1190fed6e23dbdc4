/** Parses an id of the local stores (a decimal sequence number); null when it is not one. */
export function parseSequenceId(id: string): number | null {
  if (!/^(0|[1-9]\d{0,15})$/.test(id)) return null;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : null;
}
