import { join } from 'node:path';
import { injectBridge } from '../../../local-site/forge-host';
import { startTestSite, type TestSite } from '../../support';

const FIXTURE = join(__dirname, 'fixtures', 'app');

const directives = (csp: string): Map<string, string[]> =>
  new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...values]) => [name as string, values]));

describe('Forge host: serving the Custom UI', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await startTestSite({ appDir: FIXTURE });
  });
  afterAll(() => site.close());

  test('index.html comes with Forge\'s CSP, computed from the manifest permissions', async () => {
    const res = await fetch(`${site.url}/forge/resources/ui/index.html`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBeTruthy();
    const d = directives(csp ?? '');
    expect(d.get('script-src')?.[0]).toBe("'self'");
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('style-src')).toContain("'unsafe-inline'"); // permissions.content.styles
    expect(d.get('img-src')).toContain('https://images.example.com'); // permissions.external.images
    expect(d.get('frame-ancestors')).toContain("'self'");
    expect(d.get('report-uri')).toEqual(['/forge/host/csp-report']);
    expect(d.has('sandbox')).toBe(true);
  });

  test('the bridge script is the first script of the served page', async () => {
    const html = await (await fetch(`${site.url}/forge/resources/ui/index.html`)).text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts[0]).toBe('<script src="/forge/host/iframe-bridge.js">');
    expect(html.indexOf('<script src="/forge/host/iframe-bridge.js"></script>')).toBeLessThan(html.indexOf('./app.js'));
    expect(scripts).toHaveLength(2);
    const bridge = await fetch(`${site.url}/forge/host/iframe-bridge.js`);
    expect(bridge.headers.get('content-type')).toMatch(/javascript/);
    expect(await bridge.text()).toContain('window.__bridge');
  });

  test('assets are served from the resource folder, and nothing outside it', async () => {
    const asset = await fetch(`${site.url}/forge/resources/ui/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${site.url}/forge/resources/ui/..%2f..%2fmanifest.yml`)).status).toBe(404);
    expect((await fetch(`${site.url}/forge/resources/ui/%2e%2e/src/index.ts`)).status).toBe(404);
    expect((await fetch(`${site.url}/forge/resources/nope/index.html`)).status).toBe(404);
  });

  test('injectBridge puts the script first in <head>, or creates one', () => {
    expect(injectBridge('<html><head><script src="a.js"></script></head></html>')).toBe(
      '<html><head><script src="/forge/host/iframe-bridge.js"></script><script src="a.js"></script></head></html>',
    );
    expect(injectBridge('<html lang="en"><body></body></html>')).toBe('<html lang="en"><head><script src="/forge/host/iframe-bridge.js"></script></head><body></body></html>');
  });
});
