/**
 * The L2 "how to reproduce" text area grows with its text, like Jira's description field: the PO sees
 * every step without scrolling inside a two-line box.
 */
import { tid, useAppSession } from '../support';

jest.setTimeout(120_000);

const { open } = useAppSession();

test('the L2 text area grows with its text and shows every line', async () => {
  const { frame } = await open('po', '/version/10002');
  await frame.click(tid('write-handoff'));
  await frame.waitForSelector(tid('field-l2'));
  const size = () => frame.$eval(tid('field-l2'), (el) => ({ height: el.getBoundingClientRect().height, client: el.clientHeight, scroll: el.scrollHeight }));
  const before = await size();
  const steps = Array.from({ length: 10 }, (_, i) => `${i + 1}. Step ${i + 1} of reproducing the problem`).join('\n');
  await frame.fill(tid('field-l2'), steps);
  await frame.waitForFunction((sel) => {
    const el = document.querySelector<HTMLTextAreaElement>(sel);
    return el !== null && el.scrollHeight <= el.clientHeight + 1;
  }, tid('field-l2'));
  const after = await size();
  // Ten lines: far taller than the two-line box, and no scrolling inside it.
  expect(after.height).toBeGreaterThan(before.height * 2.5);
  expect(after.scroll).toBeLessThanOrEqual(after.client + 1);
});
