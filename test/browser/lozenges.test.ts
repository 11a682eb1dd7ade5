/**
 * The app's lozenges look like the host's: a ready handoff's green lozenge and the releases page's
 * green "Released" lozenge share their type (size, weight, case), their shape and, per theme, their
 * colours. A release that never had a handoff reads "No handoff".
 */
import type { Frame, Page } from 'playwright-core';
import { seedHandoff, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const session = useAppSession({ seed: (site) => seedHandoff(site, '10003', { ready: true }) });

/** The lozenge's box (its outer element) and its type (the element that holds the words). */
const look = (root: Page | Frame, selector: string) =>
  root.$eval(selector, (el) => {
    let text: Element = el;
    while (text.children.length === 1) text = text.children[0]!;
    const box = getComputedStyle(el);
    const type = getComputedStyle(text);
    return {
      fontSize: type.fontSize,
      fontWeight: type.fontWeight,
      textTransform: type.textTransform,
      color: type.color,
      background: box.backgroundColor,
      border: `${box.borderTopWidth} ${box.borderTopStyle} ${box.borderTopColor}`,
      radius: box.borderTopLeftRadius,
    };
  });

test.each(['light', 'dark'])('in %s, a green app lozenge looks like the host\'s green "Released"', async (theme) => {
  const site = session.site;
  const app = await session.open('po');
  await app.context.addCookies([{ name: 'local-site-theme', value: theme, url: site.url }]);
  await app.page.reload();
  const frame = await waitForApp(app.page);
  await frame.waitForSelector(tid('state-10003'));
  await frame.waitForFunction((mode) => document.documentElement.getAttribute('data-color-mode') === mode, theme);
  expect(await frame.textContent(tid('state-10003'))).toBe('Ready');
  expect(await frame.textContent(tid('state-10001'))).toBe('No handoff');

  const host = await session.openPath('po', '/projects/SHOP/versions');
  await host.context.addCookies([{ name: 'local-site-theme', value: theme, url: site.url }]);
  await host.page.reload();
  const released = 'tr[data-version-id="10001"] .lozenge';
  expect((await host.page.textContent(released))?.trim()).toBe('Released');

  expect(await look(frame, tid('state-10003'))).toEqual(await look(host.page, released));
});
