/**
 * Driving the design system's select and date/time pickers the way a keyboard user does: focus the
 * labelled input, type, Enter. Each step waits for what the control shows, never for a fixed time.
 */
import type { Frame, Page } from 'playwright-core';

/** The combobox input a <label for> names (Atlaskit Select renders it with `inputId` as its id). */
async function inputLabelled(frame: Frame, label: string): Promise<string> {
  const id = await frame.$$eval('label', (labels, text) => labels.find((l) => (l.textContent ?? '').trim() === text)?.htmlFor ?? '', label);
  if (!id) throw new Error(`No label "${label}" with a for= attribute`);
  return `[id="${id}"]`;
}

/** Picks `option` in the select labelled `label`: focus, type to filter, the option shows, Enter. */
export async function chooseOption(page: Page, frame: Frame, label: string, option: string): Promise<void> {
  const input = await inputLabelled(frame, label);
  await frame.focus(input);
  await page.keyboard.type(option);
  await frame.waitForSelector(`[role="option"]:text-is("${option}")`);
  // Typing filters and focuses the first match; the check after Enter proves it was the one asked for.
  await page.keyboard.press('Enter');
  await frame.waitForFunction(
    ([sel, want]) => {
      // Picked: the typed filter is gone and the control shows the option as its value.
      const input = document.querySelector<HTMLInputElement>(sel as string);
      const container = input?.closest('[data-testid$="--container"]');
      return input?.value === '' && (container?.textContent ?? '').includes(want as string);
    },
    [input, option],
  );
}

/** Sets the date picker labelled `dateLabel` ("20 Nov 2026") and the time picker labelled `timeLabel` ("14:00"). */
export async function setDateAndTime(page: Page, frame: Frame, dateLabel: string, date: string, timeLabel: string, time: string): Promise<void> {
  const dateInput = await inputLabelled(frame, dateLabel);
  await frame.focus(dateInput);
  await page.keyboard.type(date);
  await page.keyboard.press('Enter');
  await frame.waitForFunction(([sel, want]) => (document.querySelector(sel as string)?.closest('[data-testid$="--container"]')?.textContent ?? '').includes(want as string), [dateInput, date]);
  await chooseOption(page, frame, timeLabel, time);
}

/** The options the select labelled `label` offers, as its open menu lists them (opened with ↓, closed with Esc). */
export async function optionsOf(page: Page, frame: Frame, label: string): Promise<string[]> {
  const input = await inputLabelled(frame, label);
  await frame.focus(input);
  await page.keyboard.press('ArrowDown');
  await frame.waitForSelector('[role="option"]');
  const options = await frame.$$eval('[role="option"]', (els) => els.map((e) => (e.textContent ?? '').trim()));
  await page.keyboard.press('Escape');
  await frame.waitForSelector('[role="option"]', { state: 'detached' });
  return options;
}
