import type { Metadata } from 'next';
import { BeltDisplay } from '@/app/_components/belt-display';
import { displayProps, placeOrNotFound } from '@/lib/server/display-page';

export const dynamic = 'force-dynamic';

type Params = Promise<{ belt: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Baggage belt ${placeOrNotFound((await params).belt)} · Skyboard` };
}

export default async function BeltDisplayPage({ params }: { params: Params }) {
  const belt = placeOrNotFound((await params).belt);
  return <BeltDisplay belt={belt} {...await displayProps()} />;
}
