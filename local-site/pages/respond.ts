/** Answers of the site's own pages: HTML, redirects, and the forms they post. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function redirect(res: ServerResponse, status: 302 | 303, location: string): void {
  res.writeHead(status, { location, 'cache-control': 'no-store' });
  res.end();
}

export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length > 64 * 1024) throw new Error('form too large');
  }
  return new URLSearchParams(text);
}

/** Only paths on this site, so the switcher cannot be used to bounce people elsewhere. */
export const safeReturn = (value: string | null): string => (value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') ? value : '/');
