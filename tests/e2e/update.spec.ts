import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { serveBuild, type StaticSite } from './support/static-site';
import {
	checkInHeading,
	mainHeading,
	saveCheckIn,
	untilServiceWorkerControls
} from './support/app';

let site: StaticSite;
test.beforeEach(async () => {
	site = await serveBuild();
});
test.afterEach(async () => {
	await site.close();
});

const updateButton = (page: Page) => page.getByRole('button', { name: 'Update ready - reload' });

/** Asks the browser to look for a new service worker now, as it does on its own from time to time. */
async function lookForUpdate(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});
}

async function waitingVersion(page: Page): Promise<boolean> {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return registration?.waiting !== null && registration?.waiting !== undefined;
	});
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

test('a new version deployed mid-routine waits until the routine ends, then is offered on Today', async ({
	page
}) => {
	await page.goto(site.url + '/');
	await untilServiceWorkerControls(page);
	const [firstCache] = await cacheNames(page);
	expect(firstCache).toMatch(/^backcare-/);

	// A routine starts; a page that reloads would lose this mark.
	await page.getByRole('button', { name: /^start routine/i }).click();
	await expect(page).toHaveURL(/\/play$/);
	await expect(page.getByRole('timer')).toBeVisible();
	await page.evaluate(() => ((window as { routineMark?: number }).routineMark = 1));
	const stepBefore = await mainHeading(page).textContent();

	// A new version is deployed and found while the routine runs.
	const next = site.deployNewVersion();
	await lookForUpdate(page);
	await expect.poll(() => waitingVersion(page), { timeout: 20_000 }).toBe(true);

	// Nothing interrupts the routine: same page, same step, the clock still counting down.
	const timerText = await page.getByRole('timer').textContent();
	await expect(page.getByRole('timer')).not.toHaveText(timerText ?? '', { timeout: 5_000 });
	expect(await page.evaluate(() => (window as { routineMark?: number }).routineMark)).toBe(1);
	expect(await mainHeading(page).textContent()).toBe(stepBefore);
	expect(await cacheNames(page)).toContain(firstCache);

	// Leaving the routine unfinished (the page is closed and Today opened again) keeps the update
	// waiting: the routine is still in progress.
	await page.goto(site.url + '/');
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	// The offer depends on what storage says; give it time to answer before looking.
	await page.waitForTimeout(500);
	await expect(updateButton(page)).toHaveCount(0);
	expect(await waitingVersion(page)).toBe(true);

	// The routine is taken up again and ended; the check-in is saved.
	await page.getByRole('link', { name: 'Resume routine' }).click();
	await page.getByRole('button', { name: 'Resume' }).click();
	await page.getByRole('button', { name: /end routine/i }).click();
	await page.getByRole('button', { name: /no pain/i }).click();
	await expect(checkInHeading(page)).toBeVisible();
	await saveCheckIn(page, 0);
	await page.getByRole('link', { name: /back to today/i }).click();

	// Now, and only now, the update is offered; it is applied when the person taps it.
	await expect(updateButton(page)).toBeVisible();
	await expectNoViolations(page, 'Today with the update offer');
	expect(await cacheNames(page)).toContain(firstCache);
	await Promise.all([page.waitForEvent('load'), updateButton(page).click()]);
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await untilServiceWorkerControls(page);
	await expect.poll(() => cacheNames(page)).toEqual([`backcare-${next}`]);
	expect(await waitingVersion(page)).toBe(false);
	await expect(updateButton(page)).toHaveCount(0);
});
