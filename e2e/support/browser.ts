import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, chromiumFor } from '../../scripts/chromium.mjs';

/** Without Chromium the browser journeys are skipped, loudly (and refused with OPENPRM_REQUIRE_ALL=1). */
export const hasChromium = chromiumFor('e2e: journeys and examples in Chromium');

/** Screenshots of each step land here, kept as test artifacts (gitignored). */
export const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
  });

/** Saves a full-page screenshot named after the step. */
export const snapshot = async (page: Page, step: string): Promise<void> => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${step}.png`), fullPage: true });
};

/** Collects what a page reports as broken, so a journey fails on a console error. */
export const watchForErrors = (page: Page): string[] => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  return errors;
};
