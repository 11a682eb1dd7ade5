import { router } from '@forge/bridge/out/router/router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * A link out of the app, opened the way Forge opens one: `router.open`, which lets Jira ask the person
 * before leaving for another site. A rejected open means they declined, so nothing else happens (no
 * window.open fallback: the app's iframe is sandboxed and the person said no). A real anchor, so it is
 * reached with Tab, followed with Enter, and its address can still be copied.
 */
export function ExternalLink({ href, children, testId, className }: { href: string; children: ReactNode; testId?: string; className?: string }) {
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    router.open(href).catch(() => undefined);
  };
  return (
    <a href={href} onClick={open} data-testid={testId} className={className}>
      {children}
    </a>
  );
}
