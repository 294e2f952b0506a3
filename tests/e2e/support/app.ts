import { expect, type Page } from '@playwright/test';

/** Resolves once the service worker has kept the app and controls the page. */
export async function untilServiceWorkerControls(page: Page): Promise<void> {
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 20_000
	});
}

/** Resolves once the app has started in the page (the layout's mount marks it). */
export async function untilAppStarted(page: Page): Promise<void> {
	// Not the performance mark: Playwright's clock replaces `performance` in the page.
	await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
}

/** Opens a page and waits until it is the live app, not only its prerendered HTML. */
export async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await untilAppStarted(page);
}

/** The page's main heading, whatever its words: other pages are still being written. */
export function mainHeading(page: Page) {
	return page.getByRole('heading', { level: 1 }).first();
}

export const checkInHeading = (page: Page) =>
	page.getByRole('heading', { level: 1, name: /how did that feel/i });

/**
 * Plays the routine that /play started to its end, moving Playwright's clock (installed before
 * the page opened) a few seconds at a time, as a person would live through it. Returns the step
 * titles it went through.
 */
export async function playWholeRoutine(page: Page): Promise<Set<string>> {
	const titles = new Set<string>();
	for (let second = 0; second < 60 * 60; second += 5) {
		if (await checkInHeading(page).isVisible()) return titles;
		const title = await mainHeading(page).textContent();
		if (title) titles.add(title.trim());
		await page.clock.fastForward(5_000);
	}
	throw new Error('The routine did not end within an hour of its clock.');
}

/** Answers the check-in after a routine: a little pain, nothing flagged. */
export async function saveCheckIn(page: Page, pain = 1): Promise<void> {
	await expect(checkInHeading(page)).toBeVisible();
	await page.getByRole('slider', { name: /pain/i }).fill(String(pain));
	await page.getByRole('button', { name: /save/i }).click();
	await expect(checkInHeading(page)).toBeHidden();
}

/** How many check-ins the app has kept on this device. */
export function storedCheckIns(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('backcare');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const count = open.result.transaction('checkIns').objectStore('checkIns').count();
					count.onsuccess = () => {
						open.result.close();
						resolve(count.result);
					};
					count.onerror = () => reject(count.error);
				};
			})
	);
}
