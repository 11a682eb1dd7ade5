import { CSPInjectionService, CSPProcessingService } from '@forge/csp';
import type { Permissions } from '@forge/manifest';
import { load } from 'cheerio';

/** Where the browser reports violations; the host keeps them so tests can assert there were none. */
export const CSP_REPORT_PATH = '/forge/host/csp-report';

const processing = new CSPProcessingService({ info: () => undefined }, load);
const injection = new CSPInjectionService();

/**
 * The Content-Security-Policy Forge serves a Custom UI resource with: the app's manifest permissions
 * (content.scripts/styles, external.*) mapped by CSPProcessingService, merged into Forge's base policy by
 * CSPInjectionService, as for a production ('prod') app. Local differences: `siteOrigin` stands in for the
 * Jira site's hostname, it joins frame-ancestors the way *.atlassian.net is there on Forge (the frame is
 * served from its own origin, so 'self' is not the site), and reports go to this host instead of
 * Atlassian's collector.
 */
export function forgeCsp(html: string, permissions: Permissions, siteOrigin: string): string {
  const details = processing.getCspDetails(html, permissions);
  const directives = injection.getInjectableCSP({ existingCSPDetails: details, microsEnv: 'prod', hostname: siteOrigin });
  return directives
    .map((d) => {
      if (d.startsWith('report-uri ')) return `report-uri ${CSP_REPORT_PATH}`;
      if (d.startsWith('frame-ancestors ')) return `${d} ${siteOrigin}`;
      return d;
    })
    .join('; ');
}
