import type { Locator } from "playwright-core";
import { expect } from "vitest";

/**
 * Ticks a DSFR checkbox or radio button the way a user does: by clicking its label. DSFR draws the box on the label
 * and leaves the input itself transparent, so a forced click on the input skips Playwright's waits and fails outright
 * when the layout moves under it ("Element is outside of the viewport"); the label is an ordinary visible element
 * that Playwright waits for and scrolls to. A control already ticked is left as it is.
 */
export async function tick(control: Locator): Promise<void> {
  if (await control.isChecked()) return;
  const id = await control.getAttribute("id");
  if (!id) throw new Error("tick: the control has no id, so no label points at it");
  await control.page().locator(`label[for="${id}"]`).click();
  await expect.poll(() => control.isChecked()).toBe(true);
}
