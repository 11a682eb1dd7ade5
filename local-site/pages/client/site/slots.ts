/**
 * The app frames on this page. Each of the app's iframes (see forge-host/client/iframe-bridge.js) has the
 * config of its own module (its data-forge-config names the script element holding it); the frame is served
 * from its own origin, as Forge serves Custom UI, so messages go to that origin and come from it only.
 */
import type { UiContext } from '../../../forge-host';
import type { AppPageInput } from '../../app-page';

/** What the page writes for each frame (app-page.ts appPageHead). */
export type FrameConfig = Pick<AppPageInput, 'basePath' | 'invokePath' | 'colorMode' | 'pageBases'> & { context: UiContext };

export interface Slot {
  config: FrameConfig;
  frame: HTMLIFrameElement;
  origin: string;
}

/** A message between this page and a frame; `__forgeLocal` marks the bridge's own. */
export type BridgeMessage = Record<string, unknown> & { kind: string };

export function readSlots(): Slot[] {
  const slots: Slot[] = [];
  document.querySelectorAll<HTMLIFrameElement>('iframe[data-forge-config]').forEach((frame) => {
    const el = document.getElementById(frame.getAttribute('data-forge-config') ?? '');
    if (!el) return;
    const config = JSON.parse(el.textContent || '{}') as FrameConfig | null;
    if (config) slots.push({ config, frame, origin: new URL(frame.src, window.location.href).origin });
  });
  return slots;
}

export function toFrame(slot: Slot, message: BridgeMessage): void {
  const target = slot.frame.contentWindow;
  if (!target) return;
  target.postMessage({ ...message, __forgeLocal: true }, slot.origin);
}
