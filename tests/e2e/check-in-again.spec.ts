import { expect, test } from '@playwright/test';
import { checkInHeading, open, saveCheckIn, startRoutine, storedCheckIns } from './support/app';

/** A check-in that was not answered is offered again, on reopening and on Today, until answered or set aside. */

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: new Date('2026-03-02T08:00:00') });
});

async function endAtCheckIn(page: import('@playwright/test').Page) {
	await startRoutine(page);
	await page.clock.runFor(12_000);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: no pain, just stopping' }).click();
	await expect(checkInHeading(page)).toBeVisible();
}

test('a reload at the check-in offers it again, and answering it keeps it', async ({ page }) => {
	await endAtCheckIn(page);
	await page.reload();
	await expect(checkInHeading(page)).toBeVisible();
	await saveCheckIn(page, 2);
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
	expect(await storedCheckIns(page)).toBe(1);
});

test('Today offers the check-in not given yet; "Not now" sets it aside for good', async ({
	page
}) => {
	await endAtCheckIn(page);
	await open(page, '/');
	const offer = page.getByRole('region', { name: 'How did your last routine feel?' });
	await expect(offer).toBeVisible();
	await offer.getByRole('link', { name: 'Answer now' }).click();
	await expect(checkInHeading(page)).toBeVisible();

	await open(page, '/');
	await page.getByRole('button', { name: 'Not now' }).click();
	await expect(offer).toBeHidden();
	await open(page, '/');
	await expect(page.getByRole('button', { name: 'Start routine' })).toBeVisible();
	await expect(offer).toHaveCount(0);
	await page.getByRole('button', { name: 'Start routine' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
});
