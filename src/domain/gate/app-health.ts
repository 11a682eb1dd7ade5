/**
 * Where the app cannot act: what the release gate needs from the app's own Jira user in a project, in
 * words a release manager or project admin can take to a Jira admin before it matters.
 */
export interface AppPermissions {
  BROWSE_PROJECTS: boolean;
  ADMINISTER_PROJECTS: boolean;
}

/** Empty when the app can do everything the gate needs in the project; null permissions: Jira did not answer. */
export function appHealth(projectKey: string, permissions: AppPermissions | null): string[] {
  if (permissions === null) return [`CS Handoff could not check its own permissions in ${projectKey} just now; reload to try again.`];
  if (!permissions.BROWSE_PROJECTS) {
    return [`CS Handoff cannot see ${projectKey}: the app's user needs Browse Projects, or releases here are not checked at all.`];
  }
  if (!permissions.ADMINISTER_PROJECTS) {
    return [`CS Handoff cannot put releases back in ${projectKey}: the app's user needs Administer Projects.`];
  }
  return [];
}
