import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NamedScreen } from '@/app/_components/named-screen';
import { displayProps } from '@/lib/server/display-page';
import { getRuntime } from '@/lib/server/runtime';
import { screenNameOrNull } from '@/lib/signage/signage-input';

export const dynamic = 'force-dynamic';

type Params = Promise<{ name: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const nameOrNotFound = async (params: Params) => screenNameOrNull((await params).name) ?? notFound();

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Screen ${await nameOrNotFound(params)} · Skyboard` };
}

/** A named screen: it shows what its setting says, and follows changes to it live. */
export default async function NamedScreenPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const name = await nameOrNotFound(params);
  const { home } = getRuntime();
  return <NamedScreen name={name} airport={`${home.city} ${home.name} (${home.iata})`} {...await displayProps(await searchParams)} />;
}
