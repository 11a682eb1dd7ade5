/**
 * Sub-path routing inside the project page: "/" is the overview, "/version/<id>" one handoff,
 * "/version/<id>/history" its revisions and what changed between them, "/settings" the project's settings.
 */
import { createContext, useContext, useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { pathnameOf, type AppHistory } from './platform';

export type Route = { name: 'overview' } | { name: 'handoff'; versionId: string } | { name: 'history'; versionId: string } | { name: 'settings' } | { name: 'not-found'; path: string };

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'overview' };
  if (path === '/settings') return { name: 'settings' };
  const match = /^\/version\/(\d{1,18})$/.exec(path);
  if (match?.[1]) return { name: 'handoff', versionId: match[1] };
  const history = /^\/version\/(\d{1,18})\/history$/.exec(path);
  if (history?.[1]) return { name: 'history', versionId: history[1] };
  return { name: 'not-found', path };
}

export const paths = {
  overview: () => '/',
  handoff: (versionId: string) => `/version/${versionId}`,
  history: (versionId: string) => `/version/${versionId}/history`,
  settings: () => '/settings',
};

interface RouterValue {
  route: Route;
  navigate(path: string): void;
}

const RouterContext = createContext<RouterValue>({ route: { name: 'overview' }, navigate: () => undefined });

export function RouterProvider({ history, children }: { history: AppHistory; children: ReactNode }) {
  const [pathname, setPathname] = useState(history.location.pathname);
  useEffect(() => history.listen((update) => setPathname(pathnameOf(update, history.location.pathname))), [history]);
  const value: RouterValue = {
    route: parseRoute(pathname),
    navigate: (path) => {
      history.push(path);
      setPathname(path);
    },
  };
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  return useContext(RouterContext);
}

/** An in-app link: a real <a> (keyboard reachable, announced as a link) that moves the host history. */
export function AppLink({ to, children, testId, className = 'app-link' }: { to: string; children: ReactNode; testId?: string; className?: string }) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={`.${to}`} onClick={onClick} data-testid={testId} className={className}>
      {children}
    </a>
  );
}
