import { expect, test, type Page } from '@playwright/test';
import { checkInHeading, open, startRoutine } from './support/app';

/**
 * Nothing is lost silently: with the disk made "full" (every IndexedDB put throws
 * QuotaExceededError while the page's switch is on), what was not saved is said and kept, and
 * "Try again" stores it once there is room. Damaged or newer storage always leaves a way out.
 */

const MONDAY_8AM = new Date('2026-03-02T08:00:00');

declare global {
	interface Window {
		diskFull?: boolean;
	}
}

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: MONDAY_8AM });
	await page.addInitScript(() => {
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
			if (window.diskFull) throw new DOMException('The disk is full.', 'QuotaExceededError');
			return put.apply(this, args);
		} as typeof put;
	});
});

const diskFull = (page: Page, full: boolean) => page.evaluate((on) => (window.diskFull = on), full);

/** How many records a store of the app's database holds. */
function stored(
	page: Page,
	store: 'sessions' | 'checkIns' | 'mornings' | 'applications' | 'followUps'
): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const request = indexedDB.open('backcare');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const count = request.result.transaction(name).objectStore(name).count();
					count.onsuccess = () => {
						request.result.close();
						resolve(count.result);
					};
				};
			}),
		store
	);
}

const notSaved = (page: Page) => page.getByRole('alert').filter({ hasText: 'Not saved yet' });

test('a routine and its check-in that cannot be stored are said, kept, and stored by Try again', async ({
	page
}) => {
	await startRoutine(page);
	await page.clock.runFor(12_000);
	await diskFull(page, true);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: no pain, just stopping' }).click();

	await expect(notSaved(page)).toContainText('could not store your routine');
	await expect(checkInHeading(page)).toBeVisible();
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '2', exact: true })
		.check();
	await page.getByRole('button', { name: /save/i }).click();
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
	await expect(notSaved(page)).toContainText('your routine and how the routine felt');
	expect(await stored(page, 'sessions')).toBe(0);

	await diskFull(page, false);
	await notSaved(page).getByRole('button', { name: 'Try again' }).click();
	await expect(notSaved(page)).toBeHidden();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	expect(await stored(page, 'sessions')).toBe(1);
	expect(await stored(page, 'checkIns')).toBe(1);
});

test('a morning answer that cannot be stored is said, still counts, and is stored by Try again', async ({
	page
}) => {
	await startRoutine(page);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: no pain, just stopping' }).click();
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '1', exact: true })
		.check();
	await page.getByRole('button', { name: /save/i }).click();
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();

	await page.clock.runFor(24 * 3_600_000);
	await open(page, '/');
	await diskFull(page, true);
	await page.getByRole('radio', { name: 'About the same' }).check();
	await page.getByRole('button', { name: 'Save answer' }).click();
	await expect(notSaved(page)).toContainText('how your back felt this morning');
	await expect(page.getByRole('button', { name: 'Start routine' })).toBeVisible();

	await diskFull(page, false);
	await notSaved(page).getByRole('button', { name: 'Try again' }).click();
	await expect(notSaved(page)).toBeHidden();
	expect(await stored(page, 'mornings')).toBe(1);
});

test('warning signs in a check-in on a full disk still lead to the advice, and a waiting “still there” keeps Today stopped', async ({
	page
}) => {
	await startRoutine(page);
	await page.clock.runFor(12_000);
	await diskFull(page, true);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: it hurt' }).click();
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '3', exact: true })
		.check();
	await page.getByRole('checkbox', { name: 'Weakness in a leg' }).check();
	await page.getByRole('button', { name: /save check-in/i }).click();
	await expect(
		page.getByRole('heading', { name: 'Stop the exercises and see a clinician' })
	).toBeVisible();
	await expect(notSaved(page)).toContainText('your routine and how the routine felt');
	await diskFull(page, false);
	await notSaved(page).getByRole('button', { name: 'Try again' }).click();
	await expect(notSaved(page)).toBeHidden();

	// The next morning, on a full disk again: numbness stops Today though the answer waits.
	await page.clock.runFor(24 * 3_600_000);
	await open(page, '/');
	await page.getByRole('heading', { name: 'Have these signs gone?' }).waitFor();
	await diskFull(page, true);
	const question = page.getByRole('group', { name: 'Tell us how you are now' });
	await question.getByRole('radio', { name: /still there/i }).check();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(notSaved(page)).toContainText('whether the warning signs have gone');
	await expect(
		page.getByRole('heading', { name: 'Stop the exercises and see a clinician' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: /^Start routine/ })).toHaveCount(0);

	await diskFull(page, false);
	await notSaved(page).getByRole('button', { name: 'Try again' }).click();
	await expect(notSaved(page)).toBeHidden();
	expect(await stored(page, 'checkIns')).toBe(1);
	expect(await stored(page, 'followUps')).toBe(1);
});

test('a morning answer with warning signs that cannot be stored still stops Today with the advice', async ({
	page
}) => {
	await startRoutine(page);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: no pain, just stopping' }).click();
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '1', exact: true })
		.check();
	await page.getByRole('button', { name: /save/i }).click();
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();

	await page.clock.runFor(24 * 3_600_000);
	await open(page, '/');
	await diskFull(page, true);
	await page.getByRole('radio', { name: 'Worse' }).check();
	await page.getByRole('checkbox', { name: 'Numbness or tingling in a leg or foot' }).check();
	await page.getByRole('button', { name: 'Save answer' }).click();
	await expect(notSaved(page)).toContainText('how your back felt this morning');
	await expect(
		page.getByRole('heading', { name: 'Stop the exercises and see a clinician' })
	).toBeVisible();
	await expect(page.getByRole('button', { name: /^Start routine/ })).toHaveCount(0);

	await diskFull(page, false);
	await notSaved(page).getByRole('button', { name: 'Try again' }).click();
	await expect(notSaved(page)).toBeHidden();
	expect(await stored(page, 'mornings')).toBe(1);
});

test('an ice application that cannot be stored is said, still counts, and is in the history after Try again', async ({
	page
}) => {
	await open(page, '/ice-heat');
	await page.getByRole('button', { name: 'Start 20 minutes of ice' }).click();
	await expect(page.getByRole('timer')).toHaveText('20:00');
	await page.clock.runFor(12 * 60_000);
	await diskFull(page, true);
	await page.getByRole('button', { name: 'Stop early' }).click();

	await expect(page.getByRole('heading', { name: 'Ice done: 12 minutes' })).toBeVisible();
	await expect(notSaved(page)).toContainText('could not store your 12 minutes of ice');
	await expect(page.getByText('Today so far: 1 ice (12 min).')).toBeVisible();
	expect(await stored(page, 'applications')).toBe(0);

	await diskFull(page, false);
	await notSaved(page).getByRole('button', { name: 'Try again' }).click();
	await expect(notSaved(page)).toBeHidden();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	expect(await stored(page, 'applications')).toBe(1);

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'History' })
		.click();
	await page.getByRole('button', { name: /today: no session, 1 ice \(12 min\)/ }).click();
	await expect(page.getByText('Ice and heat: 1 ice (12 min).')).toBeVisible();
});

test('a damaged saved routine is explained and offered for discarding, never resumed', async ({
	page
}) => {
	await open(page, '/');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('backcare');
				request.onsuccess = () => {
					const tx = request.result.transaction('activeRoutine', 'readwrite');
					tx.objectStore('activeRoutine').put(
						{ version: 1, savedAt: Date.now(), state: { status: 'paused', step: 6 } },
						'current'
					);
					tx.oncomplete = () => {
						request.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
	await open(page, '/');
	await page.getByRole('link', { name: 'Resume routine' }).click();
	await expect(
		page.getByRole('heading', { name: 'Your interrupted routine cannot be resumed' })
	).toBeVisible();
	await expect(page.getByText('part of it is missing or damaged')).toBeVisible();
	await page.getByRole('button', { name: 'Discard it and start today’s routine' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
});

test('a database left by a newer version gives every page a clear screen and a way out', async ({
	page
}) => {
	await page.goto('/manifest.webmanifest');
	await page.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('backcare', 99);
				request.onupgradeneeded = () => {
					const sessions = request.result.createObjectStore('sessions', { keyPath: 'id' });
					sessions.put({
						id: 'session-1',
						date: '2026-03-01',
						startedAt: 1,
						endedAt: 2,
						routineId: 'daily',
						results: [],
						endedEarly: false
					});
				};
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);
	for (const path of [
		'/',
		'/play',
		'/history',
		'/report',
		'/settings',
		'/ice-heat',
		'/exercises/bird-dog'
	]) {
		await open(page, path);
		await expect(
			page.getByRole('heading', { name: 'Your progress was saved by a newer version of this app' }),
			path
		).toBeVisible();
		await expect(page.getByRole('button', { name: 'Export what can be read' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Start fresh' })).toBeVisible();
	}

	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export what can be read' }).click();
	const file = await (await download).path();
	const { readFile } = await import('node:fs/promises');
	const backup = JSON.parse(await readFile(file, 'utf8')) as { sessions: unknown[] };
	expect(backup.sessions).toHaveLength(1);

	await page.getByRole('button', { name: 'Start fresh' }).click();
	// The app reloads itself once the database is gone; going elsewhere before that races it.
	const reloaded = page.waitForEvent('load');
	await page.getByRole('button', { name: 'Delete and start fresh' }).click();
	await reloaded;
	await open(page, '/');
	await expect(page.getByRole('button', { name: 'Start routine' })).toBeVisible();
	await expect(page.getByRole('heading', { name: /newer version/ })).toHaveCount(0);
});
