/**
 * Jira's own type scale, visible confirmations and focus where the person is, in real Chromium on the local
 * site: font sizes against the design tokens and the host chrome, discarding always asks in a dialog inside
 * the viewport, focus on the first field when the editor opens, unsaved drafts kept per person, and an
 * empty editor saves nothing.
 */
import type { Frame, Page } from 'playwright-core';
import { appPagePath, personOf, seedHandoff, switchPerson, tid, useAppSession, waitForApp } from '../support';

jest.setTimeout(120_000);

const session = useAppSession({ seed: (site) => seedHandoff(site, '10003', { ready: true }) });

const px = (frame: Frame | Page, selector: string) => frame.$eval(selector, (el) => parseFloat(getComputedStyle(el).fontSize));

test('text in the app is Jira-sized: body 14 px, helper 12 px, h1 24 px, as the tokens and the host chrome say', async () => {
  const { page, frame } = await session.open('po');
  await frame.waitForSelector(tid('versions-table'));
  // What the design tokens resolve to, in the app's own document.
  const tokens = await frame.evaluate(() => {
    const probe = (token: string) => {
      const el = document.createElement('span');
      el.style.font = `var(${token})`;
      document.body.appendChild(el);
      const size = parseFloat(getComputedStyle(el).fontSize);
      el.remove();
      return size;
    };
    return { body: probe('--ds-font-body'), small: probe('--ds-font-body-small'), h1: probe('--ds-font-heading-large') };
  });
  expect(tokens).toEqual({ body: 14, small: 12, h1: 24 });
  expect(await px(frame, 'body')).toBe(tokens.body);
  expect(await px(frame, 'h1')).toBe(tokens.h1);
  expect(await px(frame, 'table.versions td')).toBe(tokens.body);
  expect(await px(frame, 'p.helper')).toBe(tokens.small);
  // And the host chrome around it: the same body size and the same page-title size.
  expect(await px(page, 'body')).toBe(tokens.body);

  await frame.click(tid('version-link-10003'));
  await frame.waitForSelector(tid('handoff-reader'));
  expect(await px(frame, '#page-title')).toBe(tokens.h1);
  expect(await px(frame, tid('handoff-reader') + ' p')).toBe(tokens.body);
  expect(await px(frame, tid('handoff-meta'))).toBeGreaterThanOrEqual(tokens.small);
  const releases = await session.openPath('po', '/projects/SHOP/versions');
  expect(await px(releases.page, '.page-title')).toBe(tokens.h1);
});

test('the editor opens with focus on its first field; Cancel with changes always asks, in a dialog in view', async () => {
  const { page, frame } = await session.open('po', '/version/10003');
  await frame.click(tid('edit-handoff'));
  await frame.waitForSelector(tid('handoff-editor'));
  await frame.waitForFunction(() => document.activeElement?.id === 'f-whatsNew');

  await page.keyboard.type(' Also in Hebrew.');
  const cancel = frame.locator(tid('editor-cancel'));
  for (let round = 0; round < 2; round++) {
    await cancel.scrollIntoViewIfNeeded();
    await cancel.click();
    const dialog = await frame.waitForSelector(`${tid('discard-dialog')}`);
    // The dialog is where the person is looking: inside the part of the app the browser shows.
    const box = await dialog.boundingBox();
    const frameBox = await (await page.$('#forge-app-frame'))!.boundingBox();
    const viewport = page.viewportSize()!;
    const top = Math.max(0, frameBox!.y);
    expect(box!.y).toBeGreaterThanOrEqual(top - 1);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height + 1);
    expect(await frame.getAttribute(tid('discard-dialog'), 'role')).toBe('dialog');
    // Keep editing: nothing lost.
    await frame.click(tid('discard-dialog-keep'));
    await frame.waitForSelector(tid('discard-dialog'), { state: 'detached' });
    expect(await frame.inputValue(tid('field-whatsNew'))).toContain('Also in Hebrew.');
  }
  await cancel.click();
  await frame.click(tid('discard-dialog-discard'));
  await frame.waitForSelector(tid('handoff-reader'));
  expect(await frame.textContent(tid('reader-whats-new'))).not.toContain('Also in Hebrew.');
});

test('saving an empty editor writes nothing: no handoff, no revision, no related-work link', async () => {
  const { frame } = await session.open('po', '/version/10002');
  await frame.click(tid('write-handoff'));
  await frame.waitForSelector(tid('handoff-editor'));
  await frame.click(tid('editor-save'));
  await frame.waitForSelector(tid('handoff-empty'));
  expect(await frame.textContent(tid('notice'))).toContain('nothing was saved');
  const po = personOf(session.site, 'po').accountId;
  const view = await session.site.host.invoke<{ ok: boolean; value: { handoff: unknown } }>(po, 'getHandoff', { versionId: '10002' }, { projectKey: 'SHOP' });
  expect(view.value.handoff).toBeNull();
  const related = await fetch(`${session.site.url}/rest/api/3/version/10002/relatedwork`, {
    headers: { authorization: `Basic ${Buffer.from(`${personOf(session.site, 'po').emailAddress}:t`).toString('base64')}` },
  });
  expect(await related.json()).toEqual([]);
});

/** Switches who is signed in with the site's own person picker (applies on change). */
async function switchTo(page: Page, role: string): Promise<Frame> {
  await switchPerson(page, session.site, role);
  expect(await page.getByTestId('signed-in-as').textContent()).toContain(personOf(session.site, role).displayName);
  return waitForApp(page);
}

test('an unsaved draft belongs to the person who typed it: the next person in the same browser is not offered it', async () => {
  const { page, frame } = await session.open('po', '/version/10003');
  await frame.click(tid('edit-handoff'));
  await frame.waitForSelector(tid('handoff-editor'));
  await frame.fill(tid('field-whatsNew'), 'Priya was half-way through this sentence');
  // Rita (release manager, also an editor) signs in to the same browser and opens the same release.
  let app = await switchTo(page, 'release-manager');
  await app.waitForSelector(tid('handoff-reader'));
  expect(await app.$(tid('restore-draft'))).toBeNull();
  await app.click(tid('edit-handoff'));
  await app.waitForSelector(tid('handoff-editor'));
  expect(await app.inputValue(tid('field-whatsNew'))).not.toContain('Priya was half-way');
  // Priya again: her draft is there, hers only.
  app = await switchTo(page, 'po');
  await app.waitForSelector(tid('restore-draft'));
  await app.click(tid('restore-draft-button'));
  expect(await app.inputValue(tid('field-whatsNew'))).toBe('Priya was half-way through this sentence');
  // Discarding a stored draft asks too.
  await app.click(tid('editor-cancel'));
  await app.click(tid('discard-dialog-discard'));
  await app.waitForSelector(tid('handoff-reader'));
  const keys = await app.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cs-handoff:draft:')));
  expect(keys).toEqual([]);
  expect(page.url()).toContain(appPagePath(session.site, 'SHOP', '/version/10003'));
});
