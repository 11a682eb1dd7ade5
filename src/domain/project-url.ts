/**
 * Jira Cloud's project pages live under a product segment that is not the projectTypeKey itself:
 * service_desk projects are /jira/servicedesk/projects/…, business (work management) ones
 * /jira/core/projects/…, software ones /jira/software/projects/…. Forge's jira:projectPage URL follows
 * the same pattern (/jira/{projectType}/projects/{projectKey}/apps/{appId}/{envId}).
 */
const SEGMENT_BY_TYPE: Readonly<Record<string, string>> = { software: 'software', business: 'core', service_desk: 'servicedesk' };

/** The URL segment for a projectTypeKey; an unknown type goes through as Jira named it. */
export function projectUrlSegment(projectTypeKey: string): string {
  return SEGMENT_BY_TYPE[projectTypeKey] ?? projectTypeKey;
}
