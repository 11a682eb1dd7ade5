/**
 * A section below a page's first screen whose code loads after the page's first render: as soon as it
 * scrolls into view, or else once the browser is idle after the first render has been painted, so it is
 * there by the time anyone scrolls to it and its code never delays what the page shows first. Until then
 * a skeleton of the section's usual height stands in its place (Jira shows skeletons the same way), so
 * the page does not jump when the section arrives.
 */
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** Calls `go` once: when `target` is in view, or when the browser is next idle after a painted frame. */
function whenInViewOrIdle(target: Element, go: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    go();
  };
  const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once());
  observer.observe(target);
  // Two animation frames: the first render has been painted before the section's code is asked for.
  let idle: number | undefined;
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      idle = typeof requestIdleCallback === 'function' ? requestIdleCallback(once, { timeout: 1000 }) : window.setTimeout(once, 50);
    });
  });
  return () => {
    done = true;
    observer.disconnect();
    cancelAnimationFrame(frame);
    if (idle !== undefined) (typeof cancelIdleCallback === 'function' ? cancelIdleCallback : clearTimeout)(idle);
  };
}

export function SectionSkeleton({ label, minHeight }: { label: string; minHeight: number }) {
  return (
    <div className="living-section section-skeleton" style={{ minHeight }} aria-busy="true" data-testid="section-skeleton">
      <span className="visually-hidden">Loading {label}…</span>
      <div className="skeleton-bar skeleton-heading" />
      <div className="skeleton-bar" />
      <div className="skeleton-bar skeleton-short" />
    </div>
  );
}

export function LaterSection({ label, minHeight, children }: { label: string; minHeight: number; children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const anchor = useRef<HTMLDivElement | null>(null);
  useEffect(() => (wanted || !anchor.current ? undefined : whenInViewOrIdle(anchor.current, () => setWanted(true))), [wanted]);
  const skeleton = <SectionSkeleton label={label} minHeight={minHeight} />;
  if (!wanted) return <div ref={anchor}>{skeleton}</div>;
  return <Suspense fallback={skeleton}>{children}</Suspense>;
}
