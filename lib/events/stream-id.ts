type ParsedId = readonly [bigint, bigint];

/** Parses a Redis stream id (`<ms>-<seq>`); null when it is not one. */
export function parseStreamId(id: string): ParsedId | null {
  const match = /^(\d{1,20})-(\d{1,20})$/.exec(id);
  return match ? [BigInt(match[1]!), BigInt(match[2]!)] : null;
}

const ZERO: ParsedId = [0n, 0n];

/** Orders two stream ids; an id that does not parse sorts first. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = parseStreamId(a) ?? ZERO;
  const [bMs, bSeq] = parseStreamId(b) ?? ZERO;
  if (aMs !== bMs) return aMs < bMs ? -1 : 1;
  if (aSeq !== bSeq) return aSeq < bSeq ? -1 : 1;
  return 0;
}
