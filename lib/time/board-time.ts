/** What the board's clock is: real time sped up `speed` times from the real instant `origin`. */
export interface BoardTime {
  origin: number;
  speed: number;
}

/** The board's time at a real instant; the server's clock and the page's clock both read it so. */
export function boardTimeAt(realMs: number, { origin, speed }: BoardTime): number {
  return origin + (realMs - origin) * speed;
}
