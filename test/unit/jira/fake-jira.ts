import type { RequestInit, Route } from '@forge/api';
import type { JiraFetch, Principal } from '#jira';

export interface Sent {
  as: Principal;
  method: string;
  path: string;
  body: unknown;
}

export interface Answer {
  status: number;
  body?: unknown;
}

/** A fake `requestJira`: answers from `respond`, records what was sent. */
export function fakeJira(respond: (sent: Sent) => Answer | Promise<Answer>): { fetch: JiraFetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: JiraFetch = async (as: Principal, route: Route, init?: RequestInit) => {
    const request: Sent = {
      as,
      method: init?.method ?? 'GET',
      path: route.value,
      body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    sent.push(request);
    const answer = await respond(request);
    const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return {
      ok: answer.status >= 200 && answer.status < 300,
      status: answer.status,
      statusText: '',
      headers: new Headers(),
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
      arrayBuffer: async () => new TextEncoder().encode(text).buffer,
    };
  };
  return { fetch, sent };
}
