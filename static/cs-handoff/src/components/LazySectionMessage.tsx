/**
 * Atlaskit's SectionMessage, loaded when a message is first shown. Its dismiss button brings a
 * tooltip/popper/top-layer stack (~25 KB gzip) that a screen without messages should not wait for;
 * until it arrives the message's own text shows, so nothing is hidden meanwhile.
 */
import { lazy, Suspense, type ComponentProps, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type SectionMessageType from '@atlaskit/section-message';
import type { SectionMessageAction as SectionMessageActionType } from '@atlaskit/section-message';

const Loaded = lazy(() => import('@atlaskit/section-message'));
const LoadedAction = lazy(() => import('@atlaskit/section-message').then((m) => ({ default: m.SectionMessageAction })));

export type SectionMessageProps = ComponentPropsWithoutRef<typeof SectionMessageType>;

export function SectionMessage(props: SectionMessageProps) {
  const fallback: ReactNode = (
    <div data-testid={props.testId}>
      {props.title && <p className="section-message-title">{props.title}</p>}
      {props.children}
    </div>
  );
  return (
    <Suspense fallback={fallback}>
      <Loaded {...props} />
    </Suspense>
  );
}

/** Only rendered inside a loaded SectionMessage's `actions`, so its module is already there. */
export function SectionMessageAction(props: ComponentProps<typeof SectionMessageActionType>) {
  return <LoadedAction {...props} />;
}
