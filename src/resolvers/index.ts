import { makeResolver } from '@forge/resolver';
import {
  GetHandoffPayloadSchema,
  ListReleasesPayloadSchema,
  SaveHandoffPayloadSchema,
  SetStatusPayloadSchema,
  type ResolverDefinitions,
} from '../contract';
import { defaultDeps, type ResolverDeps } from './deps';
import { getHandoff } from './get-handoff';
import { listReleases } from './list-releases';
import { resolverFor } from './run';
import { saveHandoff } from './save-handoff';
import { setStatus } from './set-status';

/** Every resolver the UI can invoke, bound to its dependencies; tests pass their own. */
export function createHandler(deps: ResolverDeps = defaultDeps()) {
  return makeResolver<ResolverDefinitions>({
    listReleases: resolverFor('listReleases', ListReleasesPayloadSchema, listReleases, deps),
    getHandoff: resolverFor('getHandoff', GetHandoffPayloadSchema, getHandoff, deps),
    saveHandoff: resolverFor('saveHandoff', SaveHandoffPayloadSchema, saveHandoff, deps),
    setStatus: resolverFor('setStatus', SetStatusPayloadSchema, setStatus, deps),
  });
}

export const handler = createHandler();
