import { expect, test } from '@playwright/test';
import { checkInHeading, playWholeRoutine, startRoutine, storedCheckIns } from './support/app';

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: new Date('2026-03-02T18:00:00') });
});

test('the check-in presumes no pain: saving waits for a choice', async ({ page }) => {
	await startRoutine(page);
	await playWholeRoutine(page);
	await page.getByRole('button', { name: 'Save check-in' }).click();
	await expect(page.getByRole('alert')).toContainText('Choose how much it hurt');
	await expect(checkInHeading(page)).toBeVisible();
	expect(await storedCheckIns(page)).toBe(0);

	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '3', exact: true })
		.check();
	await page.getByRole('button', { name: 'Save check-in' }).click();
	await expect(checkInHeading(page)).toBeHidden();
	expect(await storedCheckIns(page)).toBe(1);
});

test('an explicit skip records no pain and moves on', async ({ page }) => {
	await startRoutine(page);
	await playWholeRoutine(page);
	await page.getByRole('button', { name: /Skip the check-in/ }).click();
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
	expect(await storedCheckIns(page)).toBe(0);
});
