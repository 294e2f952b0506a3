import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { addDays, daysBetween } from '../../src/lib/core/time/calendar';
import { dailyBackup } from '../fixtures/daily-backup';
import { backupFile, importThroughSettings } from './import-backup';

/**
 * Someone did the routine every day from 10 to 16 February, then from 2 March on, except on
 * Thursday 5 March. Today is Tuesday 10 March; nothing done yet today.
 */
const TODAY = '2026-03-10';
const FIRST = '2026-02-10';
const doneDays = new Set<string>([
	...Array.from({ length: 7 }, (_, i) => addDays(FIRST, i)),
	'2026-03-02',
	'2026-03-03',
	'2026-03-04',
	'2026-03-06',
	'2026-03-07',
	'2026-03-08',
	'2026-03-09'
]);
const backup = dailyBackup({
	from: FIRST,
	days: daysBetween(FIRST, TODAY),
	skipped: (day) => !doneDays.has(addDays(FIRST, day)),
	pain: (day) => (day === 0 ? 3 : 1)
});

test.use({ locale: 'en-GB', timezoneId: 'UTC' });

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
	await importThroughSettings(page, backupFile(backup));
	await page.getByRole('link', { name: 'History' }).click();
	await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
});

test('the calendar shows which days were done, in words too', async ({ page }) => {
	const calendar = page.getByRole('grid', { name: 'March 2026' });

	await expect(calendar).toBeVisible();
	await expect(page.getByText('7 days done this month')).toBeVisible();
	await expect(
		calendar.getByRole('button', { name: /^Monday,? 9 March 2026: session done$/ })
	).toBeVisible();
	await expect(
		calendar.getByRole('button', { name: /^Thursday,? 5 March 2026: no session$/ })
	).toBeVisible();
	await expect(
		calendar.getByRole('button', { name: /^Tuesday,? 10 March 2026, today: no session$/ })
	).toHaveAttribute('aria-current', 'date');
});

test('arrow keys move between days and across months', async ({ page }) => {
	const day = (name: string) => page.getByRole('button', { name: new RegExp(`^${name}$`) });
	await day('Tuesday,? 10 March 2026, today: no session').focus();

	await page.keyboard.press('ArrowLeft');
	await expect(day('Monday,? 9 March 2026: session done')).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(day('Monday,? 2 March 2026: session done')).toBeFocused();
	await page.keyboard.press('End');
	await expect(day('Sunday,? 8 March 2026: session done')).toBeFocused();
	await page.keyboard.press('ArrowUp');
	await expect(day('Sunday,? 1 March 2026: no session')).toBeFocused();
	await page.keyboard.press('ArrowLeft');
	await expect(page.getByRole('grid', { name: 'February 2026' })).toBeVisible();
	await expect(day('Saturday,? 28 February 2026: no session')).toBeFocused();
	await page.keyboard.press('PageUp');
	await expect(page.getByRole('grid', { name: 'January 2026' })).toBeVisible();
	await expect(day('Wednesday,? 28 January 2026: no session')).toBeFocused();
	await page.keyboard.press('PageDown');
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowUp');
	await expect(day('Saturday,? 14 February 2026: session done')).toBeFocused();

	// Only the focused day is a Tab stop: Tab leaves the grid.
	await page.keyboard.press('Tab');
	await expect(page.locator('td button:focus')).toHaveCount(0);
});

test('Enter on a day shows what was done that day', async ({ page }) => {
	await page.getByRole('button', { name: /^Monday,? 9 March 2026: session done$/ }).focus();
	await page.keyboard.press('Enter');

	const day = page.getByRole('region', { name: /^Monday,? 9 March 2026$/ });
	await expect(day.getByRole('heading', { name: /^Monday,? 9 March 2026, 07:00$/ })).toBeVisible();
	await expect(day).toContainText('16 min');
	await expect(day).toContainText('All 7 exercises done.');

	await page.getByRole('button', { name: /^Thursday,? 5 March 2026: no session$/ }).click();
	await expect(page.getByRole('region', { name: /^Thursday,? 5 March 2026$/ })).toContainText(
		'No session on this day.'
	);
});

test('previous and next month buttons change the month shown', async ({ page }) => {
	await page.getByRole('button', { name: 'Previous month' }).click();
	await expect(page.getByRole('grid', { name: 'February 2026' })).toBeVisible();
	await expect(page.getByText('7 days done this month')).toBeVisible();
	await page.getByRole('button', { name: 'Previous month' }).click();
	await expect(page.getByText('0 days done this month')).toBeVisible();
	await page.getByRole('button', { name: 'Next month' }).click();
	await page.getByRole('button', { name: 'Next month' }).click();
	await expect(page.getByRole('grid', { name: 'March 2026' })).toBeVisible();
});

test('the current and the longest streak', async ({ page }) => {
	const streaks = page.getByRole('region', { name: 'Streaks' });

	await expect(streaks.getByRole('definition').nth(0)).toHaveText('4 days');
	await expect(streaks.getByRole('definition').nth(1)).toHaveText('7 days');
	await expect(streaks.getByRole('definition').nth(2)).toHaveText('14 days');
});

test('the sessions, newest first, with duration, pain and what was done', async ({ page }) => {
	const sessions = page.getByRole('region', { name: 'Sessions' });

	await expect(sessions).toContainText('14 sessions, newest first.');
	const items = sessions.getByRole('listitem');
	await expect(items.first()).toContainText(/Monday,? 9 March 2026, 07:00/);
	await expect(items.first()).toContainText('16 min');
	await expect(items.first()).toContainText('pain 1/10');
	await expect(items.last()).toContainText(/Tuesday,? 10 February 2026, 07:00/);
	await expect(items.last()).toContainText('pain 3/10');
});

test('one chart per exercise tells left from right by colour, mark shape and words', async ({
	page
}) => {
	const progress = page.getByRole('region', { name: 'Progress of each exercise' });
	// The summary: one chart for each of the seven exercises, no dial charts until asked for.
	await expect(progress.getByRole('img', { name: /step on its ladder over time/ })).toHaveCount(7);
	await expect(progress.getByRole('img', { name: /over time, in / })).toHaveCount(0);

	const twist = page.getByRole('region', { name: 'Seated twist' });
	const chart = twist.getByRole('img', { name: 'Seated twist: step on its ladder over time' });
	await expect(chart).toHaveAccessibleDescription(
		/Left side: from step 0 on 10 Feb 2026 to step \d+ on 10 Mar 2026\. Right side: from step 0/
	);
	await expect(twist.getByRole('listitem')).toHaveText([
		/Left side: green solid line, round marks/,
		/Right side: orange dashed line, square marks/
	]);
	// Drawn differently, not only dashed: round marks on the left, square ones on the right.
	expect(await chart.locator('.side.left circle').count()).toBeGreaterThan(1);
	expect(await chart.locator('.side.right rect').count()).toBeGreaterThan(1);
	const colours = await chart
		.locator('.side .line')
		.evaluateAll((lines) => lines.map((line) => getComputedStyle(line).stroke));
	expect(new Set(colours).size).toBe(2);

	const bridge = page.getByRole('region', { name: 'Hip bridge' });
	await expect(bridge.getByRole('listitem')).toHaveText([/Both sides: green line, round marks/]);
});

test('each dial over time, with a table, opens under its exercise', async ({ page }) => {
	const twist = page.getByRole('region', { name: 'Seated twist' });
	await twist.getByText('Each dial of Seated twist, with tables').click();
	const turnChart = twist.getByRole('img', { name: /turn over time, in degrees/ });

	await expect(turnChart).toBeVisible();
	await expect(turnChart).toHaveAccessibleDescription(
		/Left side: from 15° on 10 Feb 2026 to \d+° on 10 Mar 2026/
	);
	await expect(turnChart.getByText('Date', { exact: true })).toBeAttached();
	await expect(turnChart.getByText('degrees', { exact: true })).toBeAttached();

	await twist.getByText('turn as a table').click();
	const table = twist.getByRole('table', { name: /turn over time/ });
	await expect(table.getByRole('columnheader')).toHaveText([
		'Date',
		'Left side (degrees)',
		'Right side (degrees)'
	]);
	await expect(table.getByRole('row').nth(1)).toHaveText(/10 Feb 2026\s*15°\s*15°/);
	expect(await table.getByRole('row').count()).toBeGreaterThan(3);

	// Every dial of the seven exercises has its chart once opened: 1 + 3 + 3 + 3 + 4 + 3 + 3 (the
	// plank's position, knees or toes, is a dial of its own).
	const progress = page.getByRole('region', { name: 'Progress of each exercise' });
	for (const summary of await progress.getByText(/^Each dial of /).all()) {
		if (!(await summary.evaluate((s) => (s.parentElement as HTMLDetailsElement).open)))
			await summary.click();
	}
	await expect(progress.getByRole('img', { name: /over time, in / })).toHaveCount(20);
});

test('no chart or table on the page is wider than a 360 × 740 phone, everything opened', async ({
	page
}) => {
	await page.getByRole('button', { name: /^Monday,? 9 March 2026/ }).click();
	// Open every detail, the nested tables too, until nothing closed is left.
	const closed = page.locator('details:not([open]) > summary');
	while ((await closed.count()) > 0) await closed.first().click();
	await expect(page.locator('details:not([open])')).toHaveCount(0);
	await expect(page.getByRole('table')).not.toHaveCount(0);

	const screen = page.viewportSize()!.width;
	const tooWide = await page.locator('main svg, main table, main figure').evaluateAll(
		(elements, width) =>
			elements
				.map((element) => element.getBoundingClientRect())
				.filter((box) => box.left < 0 || box.right > width)
				.map((box) => `${Math.round(box.left)}..${Math.round(box.right)}`),
		screen
	);
	expect(tooWide).toEqual([]);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
		screen
	);
});

test('the calendar tells a phone user to tap a day', async ({ page }) => {
	await expect(page.getByText('Days with a tick had a session. Tap a day to see it')).toBeVisible();
});

test("another tab's update asks this tab to reload", async ({ page, context }) => {
	await expect(page.locator('[data-state="ready"]')).toBeVisible();
	const other = await context.newPage();
	await other.goto('/exercises');

	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const request = indexedDB.open('backcare', 1000);
				request.onsuccess = () => {
					request.result.close();
					resolve();
				};
				request.onerror = () => reject(request.error);
			})
	);

	await expect(page.getByRole('alert')).toContainText('The app was updated in another tab.');
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('the page with months of history passes an accessibility scan, light and dark', async ({
	page
}) => {
	await page.getByRole('button', { name: /^Monday,? 9 March 2026/ }).click();
	await page.getByText('Each dial of Seated twist, with tables').click();
	await page.getByText('turn as a table').click();
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const scan = await new AxeBuilder({ page }).analyze();
		expect(scan.violations).toEqual([]);
	}
});
