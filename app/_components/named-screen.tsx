'use client';

import { useLiveFlights } from '@/lib/client/use-live-flights';
import type { BoardView } from '@/lib/client/board-view';
import { isLanguage } from '@/lib/i18n/languages';
import type { Screen } from '@/lib/signage/screen';
import { BeltContent, beltTitles } from './belt-display';
import { FlightBoardView } from './flight-board';
import { GateContent, gateTitles } from './gate-display';
import { DisplayFrame, type DisplayProps } from './live-display';

const wallView = (tab: 'departures' | 'arrivals'): BoardView => ({ tab, q: '', status: null, sort: null, wall: true });

// A new setting mounts its view afresh (its paging, its rotation), over the same live board and stream.
const settingKey = (screen: Screen) => `${screen.kind}:${screen.target ?? ''}:${screen.pageSeconds}`;

/**
 * `/screens/{name}`: whatever an operator set the named screen to show. The page holds one live
 * board, and a `screenChange` on it switches what it shows without a reload.
 */
export function NamedScreen({ name, airport, languages, ...settings }: DisplayProps & { name: string; airport: string }) {
  const live = useLiveFlights(settings);
  const { timeZone, boardTime } = settings;
  const screen = live.signage.screens.get(name);
  // The screen's own languages; until it has them, the page's (its `?lang=` or the browser's).
  const spoken = screen?.languages.filter(isLanguage) ?? [];
  const frame = { live, timeZone, boardTime, screen: name, languages: spoken.length ? spoken : languages };
  if (!screen) {
    return (
      <DisplayFrame {...frame} title={() => `Screen ${name}`} label={`Screen ${name}`}>
        {(_flights, t) => <p className="text-4xl font-semibold sm:text-6xl">{t('screen.notSetUp')}</p>}
      </DisplayFrame>
    );
  }
  if (screen.kind === 'gate' || screen.kind === 'belt') {
    const place = screen.target ?? '';
    const isGate = screen.kind === 'gate';
    return (
      <DisplayFrame key={settingKey(screen)} {...frame} {...(isGate ? gateTitles(place) : beltTitles(place))}>
        {(flights, t) =>
          isGate ? (
            <GateContent flights={flights} gate={place} timeZone={timeZone} t={t} />
          ) : (
            <BeltContent flights={flights} belt={place} timeZone={timeZone} t={t} />
          )
        }
      </DisplayFrame>
    );
  }
  return (
    <main aria-label={`Screen ${name}`} className="mx-auto flex max-w-none flex-col gap-4 p-3 text-xl sm:p-6">
      <FlightBoardView
        header={<h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-amber-300">{airport}</h1>}
        key={settingKey(screen)} live={live} initialView={wallView(screen.kind)} timeZone={timeZone} boardTime={boardTime} screen={name}
        pageSeconds={screen.pageSeconds} languages={frame.languages}
      />
    </main>
  );
}
