/** showFlag / closeFlag: Jira's bottom-left notifications, drawn in the site's chrome. */

export interface FlagOptions {
  id: string | number;
  type?: string;
  appearance?: string;
  title?: string;
  description?: string;
  isAutoDismiss?: boolean;
}

const FLAG_ICONS: Record<string, string> = { success: '\u2714', info: '\u2139', warning: '\u26a0', error: '\u2716' };
const AUTO_DISMISS_MS = 8000;

function part(tag: string, className: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

export function showFlag(options: FlagOptions): true {
  closeFlag({ id: options.id });
  const holder = document.getElementById('flags');
  const flag = document.createElement('div');
  const type = options.type || options.appearance || 'info';
  flag.className = `flag flag-${type}`;
  flag.setAttribute('role', type === 'error' || type === 'warning' ? 'alert' : 'status');
  flag.dataset['flagId'] = String(options.id);
  const icon = part('span', 'flag-icon', FLAG_ICONS[type] || FLAG_ICONS['info'] || '');
  icon.setAttribute('aria-hidden', 'true');
  const text = document.createElement('div');
  text.className = 'flag-text';
  text.appendChild(part('p', 'flag-title', String(options.title || '')));
  if (options.description) text.appendChild(part('p', 'flag-description', String(options.description)));
  const close = part('button', 'flag-close', '\u00d7') as HTMLButtonElement;
  close.type = 'button';
  close.setAttribute('aria-label', 'Dismiss');
  close.addEventListener('click', () => flag.remove());
  flag.append(icon, text, close);
  holder?.appendChild(flag);
  if (options.isAutoDismiss) setTimeout(() => flag.remove(), AUTO_DISMISS_MS);
  return true;
}

export function closeFlag(payload: { id?: unknown } | null | undefined): true {
  document.querySelector(`.flag[data-flag-id="${CSS.escape(String(payload?.id))}"]`)?.remove();
  return true;
}
