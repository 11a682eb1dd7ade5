/**
 * The site answers on 127.0.0.1 and on localhost, and the signed-in person is a cookie of one host name.
 * A link to this same site under its other name would sign the person out to the default person, so
 * such links become paths: they stay on the host name the person came in on.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function onThisSite(href: string, siteUrl: string): string {
  let target: URL;
  let site: URL;
  try {
    target = new URL(href, siteUrl);
    site = new URL(siteUrl);
  } catch {
    return href;
  }
  if (LOOPBACK.has(target.hostname) && LOOPBACK.has(site.hostname) && target.port === site.port) {
    return target.pathname + target.search + target.hash;
  }
  return href;
}
