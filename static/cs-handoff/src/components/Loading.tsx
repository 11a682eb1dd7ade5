/** A quiet loading line (no spinner package needed); announced politely to screen readers. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="muted" role="status" aria-live="polite" data-testid="loading">
      {label}…
    </p>
  );
}
