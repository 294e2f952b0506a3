import { expect, test, type Page } from '@playwright/test';
import { dailyBackup } from '../fixtures/daily-backup';
import { backupFile, importThroughSettings } from './import-backup';

/**
 * The report read on a 360 px phone: eight weeks of sessions with a few painful days, warning
 * signs, decisions and ice, every table and the pain chart within the screen; printed, the same
 * report is a grid of tables again.
 */

const OPTIONS = { locale: 'en-GB', timezoneId: 'UTC' } as const;
test.use(OPTIONS);

const TODAY = '2026-03-10';

const eightWeeks = dailyBackup({
	from: '2026-01-13',
	days: 57,
	skipped: (day) => day % 9 === 4,
	pain: (day) => (day === 30 || day === 31 ? 6 : day % 5 === 0 ? 3 : 1)
});
eightWeeks.checkIns[40]!.redFlags = ['pain-below-knee'];
eightWeeks.applications = [8, 9].map((day) => {
	const startedAt = Date.parse('2026-03-08T08:00:00Z') + (day - 8) * 86_400_000;
	return {
		date: new Date(startedAt).toISOString().slice(0, 10),
		kind: day === 8 ? ('ice' as const) : ('heat' as const),
		minutes: 20,
		startedAt,
		endedAt: startedAt + 20 * 60_000
	};
});

/** Every table and chart of the page that reaches past either edge of the screen. */
function tooWide(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('main table, main svg[role="img"]')].flatMap((element) => {
			const { left, right } = element.getBoundingClientRect();
			const name = element.querySelector('caption, title')?.textContent?.trim() ?? element.tagName;
			return left < 0 || right > window.innerWidth
				? [`${name}: ${Math.round(left)} to ${Math.round(right)} px`]
				: [];
		})
	);
}

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
});

test('no table or chart of the report is wider than a phone, for 4 or 8 weeks, and it still prints as tables', async ({
	page
}) => {
	await importThroughSettings(page, backupFile(eightWeeks));
	await page.goto('/report');
	const sessions = page.getByRole('table', { name: 'Sessions, oldest first' });
	await expect(sessions).toBeVisible();

	for (const weeks of ['Last 4 weeks', 'Last 8 weeks']) {
		await page.getByRole('radio', { name: weeks }).check();
		await expect(page.getByRole('table', { name: 'Dose decisions, oldest first' })).toBeVisible();
		await expect(page.getByRole('table', { name: 'Warning signs, oldest first' })).toBeVisible();
		await expect(page.getByRole('table', { name: /Ice and heat applications/ })).toBeVisible();
		expect(await page.locator('main table').count()).toBeGreaterThan(6);
		expect(await tooWide(page), weeks).toEqual([]);
		const width = await page.evaluate(() => ({
			scroll: document.scrollingElement?.scrollWidth ?? 0,
			inner: window.innerWidth
		}));
		expect(width.scroll, weeks).toBeLessThanOrEqual(width.inner);
	}

	// Read as a table still: rows named by their date, with their cells.
	const tuesday = sessions.getByRole('row', { name: /Tue 10 Mar/ });
	await expect(tuesday.getByRole('cell', { name: '1/10' })).toBeVisible();
	await expect(page.getByRole('img', { name: /Pain during the routine per day/ })).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	expect(await sessions.evaluate((table) => getComputedStyle(table).display)).toBe('table');
	await expect(sessions.getByRole('columnheader', { name: 'Pain during' })).toBeVisible();
});
