import { expect, test } from '@playwright/test';
import { appPages } from './support/app-pages';
import { expectNoViolations } from './support/axe';
import { serveBuild, type StaticSite } from './support/static-site';
import {
	mainHeading,
	playWholeRoutine,
	saveCheckIn,
	storedCheckIns,
	untilServiceWorkerControls
} from './support/app';

let site: StaticSite;
test.beforeEach(async () => {
	site = await serveBuild();
});
test.afterEach(async () => {
	await site.close();
});

const offlineNote = 'Offline — everything still works';

test('after the first visit, every page opens with no network, by address and by link', async ({
	context,
	page
}) => {
	// The first visit, online: the service worker keeps the whole app.
	await page.goto(site.url + '/');
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await untilServiceWorkerControls(page);

	// No signal at all: the browser is offline and the server is gone too.
	site.online = false;
	await context.setOffline(true);

	await page.reload();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: offlineNote })).toBeVisible();
	await expectNoViolations(page, 'Today, offline');

	// Every page, opened by its address.
	const pages = appPages().filter((path) => path !== '/play');
	expect(pages).toEqual(
		expect.arrayContaining(['/', '/exercises', '/history', '/settings', '/ice-heat'])
	);
	for (const path of pages) {
		const response = await page.goto(site.url + path);
		expect(response?.status(), path).toBe(200);
		expect(response?.fromServiceWorker(), path).toBe(true);
		await expect(mainHeading(page), path).toBeVisible();
	}

	// An address that is not part of the app gets a calm page, not the browser's error.
	await page.goto(site.url + '/no-such-page');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not part of the app/i);
	await page.getByRole('link', { name: /today/i }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();

	// And through the navigation, as a person moves around.
	for (const name of ['Exercises', 'History', 'Settings', 'Today']) {
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
		await expect(mainHeading(page)).toBeVisible();
	}
	expect(
		appRequests(site.offlineRequests),
		'nothing the app asked for went to the network'
	).toEqual([]);
});

test('a cold start with the network off opens Today and runs a whole routine with a check-in', async ({
	context,
	page
}) => {
	// A whole routine, with time to change position and to read the set-up: longer than the default.
	test.setTimeout(120_000);
	await page.goto(site.url + '/');
	await untilServiceWorkerControls(page);
	site.online = false;
	await context.setOffline(true);

	// Every page of the app closed, then the app opened again with no signal.
	await page.close();
	const cold = await context.newPage();
	await cold.goto(site.url + '/');
	await expect(cold.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	await expect(cold.getByRole('status').filter({ hasText: offlineNote })).toBeVisible();

	// The clock is installed once the service worker is in charge, then the routine is started.
	await cold.clock.install();
	await cold.getByRole('button', { name: /^start routine/i }).click();
	const titles = new Set((await playWholeRoutine(cold)).map((screen) => screen.split(' | ')[0]));
	expect(titles.size, [...titles].join(', ')).toBeGreaterThanOrEqual(7);
	await saveCheckIn(cold);
	await expect(mainHeading(cold)).toBeVisible();

	expect(await storedCheckIns(cold)).toBe(1);
	expect(
		appRequests(site.offlineRequests),
		'nothing the app asked for went to the network'
	).toEqual([]);
});

test('on a network with no internet the note shows, and it goes once the server answers again', async ({
	page
}) => {
	await page.goto(site.url + '/');
	await untilServiceWorkerControls(page);
	const note = page.getByRole('status').filter({ hasText: offlineNote });

	// A phone on a Wi-Fi with nothing behind it: the browser believes it is online, yet nothing
	// reaches the server. The app's own look for a new version is the evidence.
	site.online = false;
	await page.reload();
	await expect(mainHeading(page)).toBeVisible();
	expect(await page.evaluate(() => navigator.onLine)).toBe(true);
	await expect(note).toBeVisible();

	// The browser reports the signal going and coming back; the note trusts the server's answer.
	await page.evaluate(() => window.dispatchEvent(new Event('offline')));
	await expect(note).toBeVisible();
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(note).toBeVisible();
	site.online = true;
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(note).toBeHidden();
});

test('the note follows the browser when it says the signal went, with no request needed', async ({
	page
}) => {
	await page.goto(site.url + '/');
	await untilServiceWorkerControls(page);
	await page.reload();
	await expect(mainHeading(page)).toBeVisible();
	const note = page.getByRole('status').filter({ hasText: offlineNote });
	await expect(note).toBeHidden();

	await page.evaluate(() => window.dispatchEvent(new Event('offline')));
	await expect(note).toBeVisible();
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(note).toBeHidden();
});

/** The browser's own update check for the service worker is not the app's doing; the rest is. */
function appRequests(paths: readonly string[]): string[] {
	return paths.filter((path) => path !== '/service-worker.js');
}
