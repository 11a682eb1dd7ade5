import { join } from 'node:path';
import { injectBridge } from '../../../local-site/forge-host';
import { startTestSite, type TestSite } from '../../support';

const FIXTURE = join(__dirname, 'fixtures', 'app');

const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((p) => p[0])
      .map(([name, ...values]) => [name as string, values]),
  );

describe('Forge host: serving the Custom UI', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());

  test("resources come from their own origin (another port), never from the site's", async () => {
    const site_ = new URL(site.url);
    const resources = new URL(site.resourceUrl);
    expect(resources.hostname).toBe(site_.hostname);
    expect(resources.port).not.toBe(site_.port);
    expect((await fetch(`${site.url}/forge/resources/ui/index.html`)).status).toBe(404);
    expect((await fetch(`${site.url}/forge/host/iframe-bridge.js`)).status).toBe(404);
    // invoke stays on the site: the frame cannot reach it directly.
    expect((await fetch(`${site.resourceUrl}/forge/host/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forge-local': '1' }, body: '{}' })).status).toBe(404);
  });

  test("index.html comes with Forge's CSP, computed from the manifest permissions", async () => {
    const res = await fetch(`${site.resourceUrl}/forge/resources/ui/index.html`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBeTruthy();
    const d = directives(csp ?? '');
    expect(d.get('script-src')?.[0]).toBe("'self'");
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('style-src')).toContain("'unsafe-inline'"); // permissions.content.styles
    expect(d.get('img-src')).toContain('https://images.example.com'); // permissions.external.images
    // The site frames it: on Forge *.atlassian.net is listed; here the site's origin stands in for it.
    expect(d.get('frame-ancestors')).toContain(site.url);
    expect(d.get('frame-ancestors')).toContain('*.atlassian.net');
    expect(d.get('report-uri')).toEqual(['/forge/host/csp-report']);
    expect(d.has('sandbox')).toBe(true);
  });

  test('the bridge script is the first script of the served page', async () => {
    const html = await (await fetch(`${site.resourceUrl}/forge/resources/ui/index.html`)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts[0]).toBe('<script src="/forge/host/iframe-bridge.js">');
    expect(html.indexOf('<script src="/forge/host/iframe-bridge.js"></script>')).toBeLessThan(html.indexOf('./app.js'));
    expect(scripts).toHaveLength(2);
    const bridge = await fetch(`${site.resourceUrl}/forge/host/iframe-bridge.js`);
    expect(bridge.headers.get('content-type')).toMatch(/javascript/);
    const script = await bridge.text();
    expect(script).toContain('window.__bridge');
    // It talks to the site's origin only.
    expect(script).toContain(`var parentOrigin = ${JSON.stringify(site.url)};`);
  });

  test('assets are served from the resource folder, and nothing outside it', async () => {
    const asset = await fetch(`${site.resourceUrl}/forge/resources/ui/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${site.resourceUrl}/forge/resources/ui/..%2f..%2fmanifest.yml`)).status).toBe(404);
    expect((await fetch(`${site.resourceUrl}/forge/resources/ui/%2e%2e/src/index.ts`)).status).toBe(404);
    expect((await fetch(`${site.resourceUrl}/forge/resources/nope/index.html`)).status).toBe(404);
  });

  test('injectBridge puts the script first in <head>, or creates one', () => {
    expect(injectBridge('<html><head><script src="a.js"></script></head></html>')).toBe('<html><head><script src="/forge/host/iframe-bridge.js"></script><script src="a.js"></script></head></html>');
    expect(injectBridge('<html lang="en"><body></body></html>')).toBe('<html lang="en"><head><script src="/forge/host/iframe-bridge.js"></script></head><body></body></html>');
  });
});
