/** The Forge host's public shape: its options, what it answers, and the contexts it builds. */
import type { JiraSite } from '../jira/types';
import type { Delivery } from './deliveries';
import type { EventDelivery } from './event-delivery';
import type { AppManifest, UiModule } from './manifest';
import type { QueueOptions } from './queues';
import type { StorageCall, StorageFault } from './storage-service';

export interface ForgeHostOptions {
  appDir: string;
  jira: Pick<JiraSite, 'appSecret' | 'onVersionEvent'>;
  /** The site's own URL; @forge/api's requests go back to it. */
  baseUrl: string;
  /** The site's data folder; Forge storage (@forge/kvs) lives in forge-storage.sqlite there. */
  dataDir: string;
  /** Async events (@forge/events): delays and retries; tests shrink seconds to milliseconds. */
  queues?: QueueOptions;
  quiet?: boolean;
  /** How product events reach triggers; default: at once, once. */
  eventDelivery?: EventDelivery;
}

export interface InvokeOptions {
  projectKey: string;
  /** A jira:projectPage or jira:issueContext module key; default the manifest's first project page. */
  moduleKey?: string;
  /** The issue a jira:issueContext module is rendered on (its project is the issue's). */
  issueKey?: string;
  /**
   * Tests only: what a hostile browser could send instead of the real context (Forge vouches only for
   * accountId, license, accountType and installContext; the project and siteUrl come from the page).
   */
  tamper?: (context: InvocationContext) => InvocationContext;
}

/** The context a resolver receives: the UI context without what stays in the browser. */
export type InvocationContext = Omit<UiContext, 'locale' | 'timezone'>;

export interface ProjectRef {
  id: string;
  key: string;
  name: string;
  type: string;
}

/** What `view.getContext()` answers, minus what only the browser knows (location, theme). */
export interface UiContext {
  accountId: string;
  cloudId: string;
  siteUrl: string;
  moduleKey: string;
  localId: string;
  environmentId: string;
  environmentType: string;
  locale: string;
  timezone: string;
  extension: { type: 'jira:projectPage'; project: ProjectContext } | { type: 'jira:issueContext'; issue: { id: string; key: string; type: string; typeId: string }; project: ProjectContext };
}

export interface ProjectContext {
  id: string;
  key: string;
  type: string;
}

export interface ForgeHost {
  readonly manifest: AppManifest;
  readonly appId: string;
  readonly environmentId: string;
  readonly cloudId: string;
  readonly siteUrl: string;
  readonly appDir: string;
  readonly deliveries: Delivery[];
  /** Every @forge/kvs call the app made, for call and round budgets (count rounds with the Jira emulator's roundsOf). */
  readonly storageLog: StorageCall[];
  /** Added latency per storage call (ms), like the Jira emulator's `latencyMs`. */
  /**
   * Storage latency, and faults: each rule fails the next `times` storage calls whose path matches
   * `pathPattern` with `status` (Forge storage answers 5xx and 429 at times, as Jira does).
   */
  readonly storageSettings: { latencyMs: number; faults: StorageFault[] };
  invoke<T = unknown>(accountId: string, functionKey: string, payload: unknown, opts: InvokeOptions): Promise<T>;
  runScheduledTrigger(moduleKey: string): Promise<unknown>;
  runWorkflowValidator(moduleKey: string, args: unknown): Promise<unknown>;
  /**
   * Runs `work` inside an invocation of this app with no user, as a trigger runs: @forge/kvs and asApp()
   * work there. For tests and seeding, which need the app's own storage without a resolver for it.
   */
  runAsApp<T>(work: () => Promise<T>): Promise<T>;
  /** Waits until no delivery runs and no async event waits for its delivery or retry. */
  idle(): Promise<void>;
  project(projectKey: string): Promise<ProjectRef>;
  uiContext(accountId: string, opts: InvokeOptions): Promise<UiContext>;
  projectPage(moduleKey?: string): UiModule;
  /** The project page or issue context module with this key (default: the first project page). */
  uiModule(moduleKey?: string): UiModule;
  close(): void;
}
