import type { Metadata } from 'next';
import { BeltDisplay } from '@/app/_components/belt-display';
import { displayProps, placeOrNotFound } from '@/lib/server/display-page';

export const dynamic = 'force-dynamic';

type Params = Promise<{ belt: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Baggage belt ${placeOrNotFound((await params).belt)} · Skyboard` };
}

export default async function BeltDisplayPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const belt = placeOrNotFound((await params).belt);
  return <BeltDisplay belt={belt} {...await displayProps(await searchParams)} />;
}
