import { expect, test, type Page } from '@playwright/test';
import { loadRoutesData } from '../../scripts/routes-data';
import { dayPlan } from '../../src/lib/core/progression/progression';
import { EMPTY_HISTORY, type History } from '../../src/lib/core/records/history';
import { dailyBackup } from '../fixtures/daily-backup';
import { backupFile, importThroughSettings } from './import-backup';

/**
 * Today's "about N minutes" is the whole routine as the player runs it at today's doses: the
 * first sessions with their reading time, and within the time chosen in settings.
 */

const TODAY = '2026-03-10';
const content = loadRoutesData('routes-data');
const exercises = new Map(content.exercises.map((e) => [e.id, e]));
const routine = content.routines.find((r) => r.id === 'daily')!;

test.use({ locale: 'en-GB', timezoneId: 'UTC' });

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
});

/** The minutes Today should show, from the app's own core. */
function expectedMinutes(history: History, budgetMinutes?: number): number {
	const plan = dayPlan({
		exercises,
		routine,
		history,
		today: TODAY,
		...(budgetMinutes ? { budgetMinutes } : {})
	});
	return Math.max(1, Math.round(plan.seconds / 60));
}

/** Today's lead says the routine takes about so many minutes (it waits for the stored history). */
async function expectEstimate(page: Page, minutes: number): Promise<void> {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Today’s doses' })).toBeVisible();
	await expect(page.locator('p.lead')).toHaveText(
		`Daily back care: 7 exercises, about ${minutes} minutes. Gentle, never forced.`
	);
}

test('a first session’s estimate includes the time to read each set-up, and keeps to ten minutes', async ({
	page
}) => {
	const first = expectedMinutes(EMPTY_HISTORY);
	const weeks = dailyBackup({ from: '2026-02-20', days: 18 });
	const familiar = expectedMinutes(weeks);
	// Reading time makes the first session longer than the same doses once familiar.
	const startFamiliar = Math.round(
		dayPlan({
			exercises,
			routine,
			history: dailyBackup({ from: '2026-03-06', days: 4, pain: () => 4 }),
			today: TODAY
		}).seconds / 60
	);
	expect(first).toBeGreaterThan(startFamiliar);
	expect(first).toBeLessThanOrEqual(10);
	await expectEstimate(page, first);
	await expect(page.getByText(/leave out/)).toHaveCount(0);

	await importThroughSettings(page, backupFile(weeks));
	await expectEstimate(page, familiar);
});

test('choosing a longer time in settings changes the estimate on Today', async ({ page }) => {
	const weeks = dailyBackup({ from: '2026-01-20', days: 49 });
	await importThroughSettings(page, backupFile(weeks));
	const atTen = expectedMinutes(weeks, 10);
	const atThirty = expectedMinutes(weeks, 30);
	expect(atThirty).toBeGreaterThan(atTen);
	await expectEstimate(page, atTen);

	await page.goto('/settings');
	await expect(page.locator('[data-state="ready"]')).toBeVisible();
	await page.getByLabel('About 30 minutes').check();
	await expect(page.getByText('The routine keeps to about 30 minutes.')).toBeVisible();

	await expectEstimate(page, atThirty);
	expect(atThirty).toBeLessThanOrEqual(30);
});
