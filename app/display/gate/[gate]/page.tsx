import type { Metadata } from 'next';
import { GateDisplay } from '@/app/_components/gate-display';
import { displayProps, placeOrNotFound } from '@/lib/server/display-page';

export const dynamic = 'force-dynamic';

type Params = Promise<{ gate: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Gate ${placeOrNotFound((await params).gate)} · Skyboard` };
}

export default async function GateDisplayPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const gate = placeOrNotFound((await params).gate);
  return <GateDisplay gate={gate} {...await displayProps(await searchParams)} />;
}
