import type { Page } from '@playwright/test';

/** Opens a page and waits until it is the live app, not only its prerendered HTML. */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-ready="true"]').waitFor();
}
