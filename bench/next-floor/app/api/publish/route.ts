import { sampleFrame } from '../../../lib/sample-frame';
import { streams } from '../../../lib/streams';

export const dynamic = 'force-dynamic';

let sequence = 0;

/** Broadcasts `count` pre-encoded frames to every stream, one enqueue each: no store, no logic. */
export function POST(request: Request) {
  const count = Number(new URL(request.url).searchParams.get('count') ?? 1);
  for (let i = 0; i < count; i++) {
    const frame = sampleFrame(++sequence);
    for (const controller of streams) controller.enqueue(frame);
  }
  return Response.json({});
}
