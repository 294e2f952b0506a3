import { expect, test, type Page } from '@playwright/test';

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

/**
 * The browser as on a phone, with no save dialog (`showSaveFilePicker`): a backup goes to the
 * downloads, and the app asks whether it arrived.
 */
export async function withoutSaveDialog(page: Page): Promise<void> {
	await page.addInitScript(() =>
		Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true })
	);
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

/** Opens Today and taps Start: the player is running when this returns. */
/**
 * From here on the page's clock moves only when the test moves it (`clock.runFor`), so the seconds
 * a test reads are not eaten by a slow machine between two steps. Timers an accessibility scan
 * waits on need `clock.resume()` first.
 */
export async function holdTheClock(page: Page): Promise<void> {
	await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
}

export async function startRoutine(page: Page): Promise<void> {
	await open(page, '/');
	await page.getByRole('button', { name: /^Start routine/ }).click();
	await expect(page.getByRole('timer')).toBeVisible();
}

/**
 * Plays the routine that /play started to its end, moving Playwright's clock (installed before
 * the page opened) a few seconds at a time, as a person would live through it: every step, even a
 * 5-second switch of side, is on screen at least once. Returns each screen as "heading | phase".
 */
export async function playWholeRoutine(page: Page): Promise<string[]> {
	// A whole routine is about 180 steps of the fake clock: each one it lives adds to the time
	// the test may take, so a loaded machine does not time out a test that plays several.
	test.info().setTimeout(test.info().timeout + 120_000);
	const seen: string[] = [];
	for (let second = 0; second < 60 * 60; second += 4) {
		const screen = await page.evaluate(() => {
			const heading = document.querySelector('h1')?.textContent?.trim() ?? '';
			const phase = document.querySelector('.phase')?.textContent?.trim() ?? '';
			return `${heading} | ${phase}`;
		});
		if (/^how did that feel/i.test(screen)) return seen;
		if (seen.at(-1) !== screen) seen.push(screen);
		await page.clock.runFor(4_000);
	}
	throw new Error(
		`The routine did not end within an hour of its clock: ${seen.slice(-3).join(' / ')}`
	);
}

/** The next morning: a day passes, Today asks how the back feels, and is answered. */
export async function nextMorning(
	page: Page,
	feeling: 'Better' | 'About the same' | 'Worse'
): Promise<void> {
	await page.clock.runFor(24 * 3_600_000);
	await open(page, '/');
	await page.getByRole('radio', { name: feeling }).check();
	await page.getByRole('button', { name: 'Save answer' }).click();
	await expect(page.getByRole('button', { name: /^Start routine/ })).toBeVisible();
}

/** Answers the check-in after a routine: a little pain, nothing flagged. */
export async function saveCheckIn(page: Page, pain = 1): Promise<void> {
	await expect(checkInHeading(page)).toBeVisible();
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: String(pain), exact: true })
		.check();
	await page.getByRole('button', { name: /save check-in/i }).click();
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
