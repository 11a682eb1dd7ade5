import type { IncomingMessage } from 'node:http';
import type { RouteResult } from '../http';
import type { JiraStore } from '../store';
import type { Principal, VersionEvent } from '../types';

export interface RouteContext {
  req: IncomingMessage;
  url: URL;
  /** Decoded path parameters, in pattern order. */
  params: string[];
  principal: Principal;
  store: JiraStore;
  /** Version events caused by this request; emitted by the dispatcher after the response is sent. */
  events: VersionEvent[];
  /** The parsed JSON body (undefined when empty); malformed JSON has already become a 400. */
  body(): Promise<unknown>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  pattern: RegExp;
  /** Jira lets a few endpoints (server info) answer without authentication. */
  anonymous?: boolean;
  handler(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

export const param = (ctx: RouteContext, i: number): string => ctx.params[i] ?? '';
