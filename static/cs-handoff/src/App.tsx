/** The app shell: one landmark, the current route's screen. */
import { lazy, Suspense } from 'react';
import { Heading } from './components/TokenLook';
import { Loading } from './components/Loading';
import type { DraftOwner } from './draft-storage';
import { useRouter, AppLink, paths, type Route } from './routes';
import { Overview } from './screens/Overview';

/** A screen's code together with the layout CSS the screens beyond the overview share. */
function withScreenStyles<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), import('./screens.css')]).then(([screen]) => screen);
}

// The overview is the first screen most people see: the handoff page's code (editor, dialogs, menus)
// loads on the way to a handoff, not before the overview's first render.
const loadHandoffPage = withScreenStyles(() => import('./screens/HandoffPage').then((m) => ({ default: m.HandoffPage })));
const HandoffPage = lazy(loadHandoffPage);
// Revisions and diffs are read less often than the handoff itself: their code loads on the way there.
const loadHistoryPage = withScreenStyles(() => import('./living/HistoryPage'));
const HistoryPage = lazy(loadHistoryPage);
// Settings change rarely (a project admin, once per project): their code loads only there.
const loadSettingsPage = withScreenStyles(() => import('./screens/SettingsPage'));
const SettingsPage = lazy(loadSettingsPage);

/**
 * Starts loading the code of the screen the app opens on, beside that screen's first call (first-load.ts),
 * so it arrives while the call is answered rather than being asked for only once React first renders
 * the screen. The lazy component then finds the module already loading (the browser loads it once).
 */
export function preloadScreen(route: Route): void {
  const load = route.name === 'handoff' ? loadHandoffPage : route.name === 'history' ? loadHistoryPage : route.name === 'settings' ? loadSettingsPage : undefined;
  // A failed load is reported where the screen renders (its lazy component asks again).
  load?.().catch(() => undefined);
}

export function App({ draftOwner }: { draftOwner: DraftOwner }) {
  const { route } = useRouter();
  return (
    <main className="app">
      {route.name === 'overview' && <Overview />}
      {route.name === 'handoff' && (
        <Suspense fallback={<Loading label="Loading handoff" />}>
          <HandoffPage key={route.versionId} versionId={route.versionId} draftOwner={draftOwner} />
        </Suspense>
      )}
      {route.name === 'history' && (
        <Suspense fallback={<Loading label="Loading history" />}>
          <HistoryPage key={route.versionId} versionId={route.versionId} />
        </Suspense>
      )}
      {route.name === 'settings' && (
        <Suspense fallback={<Loading label="Loading settings" />}>
          <SettingsPage />
        </Suspense>
      )}
      {route.name === 'not-found' && (
        <div className="stack">
          <Heading size="large" as="h1">
            Page not found
          </Heading>
          <p>
            There is nothing at this address. <AppLink to={paths.overview()}>Go to CS Handoff</AppLink>
          </p>
        </div>
      )}
    </main>
  );
}
