/**
 * Moving focus after React has committed a change (a form opened or closed, a list item added or removed, a
 * mode switched), so keyboard and screen-reader users follow along. One frame later, because the element
 * to focus may only now be in the page.
 */

/** Focuses the first of `targets` that is there and enabled (an element, or an element's id). */
export function focusSoon(...targets: Array<string | HTMLElement | null | undefined>): void {
  requestAnimationFrame(() => {
    for (const target of targets) {
      const el = typeof target === 'string' ? document.getElementById(target) : target;
      if (el && !(el as HTMLButtonElement).disabled) {
        el.focus();
        return;
      }
    }
  });
}

/** Focuses a heading (made focusable by script only, so it stays out of the tab order). */
export function focusHeading(id: string): void {
  requestAnimationFrame(() => {
    const el = document.getElementById(id);
    if (!el) return;
    if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
    el.focus();
  });
}
