import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { nextMorning, playWholeRoutine, startRoutine } from './support/app';

/**
 * The report for a clinician, made from days lived through the real app on Playwright's clock:
 * three sessions, "too much on the left" for the seated twist on the second, pain 6 on the third.
 */

const MONDAY_8AM = new Date('2026-03-02T08:00:00');

/** One routine from Start to the check-in, by time alone, as if the phone were propped up. */
async function doRoutine(page: Page) {
	await startRoutine(page);
	await playWholeRoutine(page);
}

async function saveCheckIn(page: Page, pain: number, twistFlag?: string) {
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: String(pain), exact: true })
		.check();
	if (twistFlag) await page.getByLabel(/^Seated twist/).selectOption(twistFlag);
	await page.getByRole('button', { name: 'Save check-in' }).click();
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: MONDAY_8AM });
});

test('the report lists the sessions, each side’s doses and every decision with its reason; it prints without the app around it', async ({
	page,
	context,
	browser
}, testInfo) => {
	test.setTimeout(240_000);
	await doRoutine(page);
	await saveCheckIn(page, 1);
	await nextMorning(page, 'Better');
	await doRoutine(page);
	await saveCheckIn(page, 1, 'too-much:left');
	await nextMorning(page, 'About the same');
	await doRoutine(page);
	await saveCheckIn(page, 6);
	await nextMorning(page, 'About the same');

	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Report' })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Back-care report' })).toBeVisible();
	await expect(page.getByText('Fri 6 Feb 2026 to Thu 5 Mar 2026 (last 4 weeks)')).toBeVisible();
	await expect(
		page.getByText(/A dose goes up one step only after a completed session/)
	).toBeVisible();

	// The sessions, one row each, with the pain during them and the morning after.
	const sessions = page.getByRole('table', { name: 'Sessions, oldest first' });
	await expect(sessions.getByRole('row')).toHaveCount(4);
	await expect(sessions.getByRole('row', { name: /Mon 2 Mar/ })).toContainText('1/10');
	await expect(sessions.getByRole('row', { name: /Mon 2 Mar/ })).toContainText('Better');
	await expect(sessions.getByRole('row', { name: /Mon 2 Mar/ })).toContainText(
		'All 7 exercises done'
	);
	await expect(sessions.getByRole('row', { name: /Tue 3 Mar/ })).toContainText(
		'All 7 exercises done; marked “too much”: Seated twist (left)'
	);
	await expect(sessions.getByRole('row', { name: /Wed 4 Mar/ })).toContainText('6/10');
	await expect(sessions.getByRole('row', { name: /Wed 4 Mar/ })).toContainText('About the same');

	// The seated twist's ladder per side. On Wednesday neither side moved: the left was marked
	// "too much", and the right's next step adds time, which waits while the set-ups are new
	// (with their reading time it would pass the ten minutes). A hold is not a row of its own.
	const twist = page.getByRole('table', { name: /^Seated twist: the dose/ });
	await expect(twist.getByRole('columnheader')).toHaveText([
		'Date',
		'Side',
		'Turn',
		'Hold',
		'Rounds',
		'Level (0–47)',
		'Left and right'
	]);
	const tuesday = twist.getByRole('rowgroup').filter({ hasText: 'Tue 3 Mar' });
	await expect(tuesday.getByRole('row', { name: /Left/ })).toContainText('16°15 s1');
	await expect(tuesday.getByRole('row', { name: /Right/ })).toContainText('16°15 s1');
	await expect(twist.getByRole('rowgroup').filter({ hasText: 'Wed 4 Mar' })).toHaveCount(0);

	// Every step up and down, with the reason the app gave, the decisions of a day together.
	const decisions = page.getByRole('table', { name: 'Dose decisions, oldest first' });
	const decision = (day: string, exercise: string) =>
		decisions
			.getByRole('rowgroup')
			.filter({ hasText: day })
			.getByRole('row')
			.filter({ hasText: exercise });
	await expect(decision('Tue 3 Mar', 'Seated twist, each side')).toContainText(
		'1/10 pain yesterday, and on Tuesday morning your back felt better: turn a little further than last time (about 16°)'
	);
	await expect(decision('Wed 4 Mar', 'Seated twist')).toHaveCount(0);
	await expect(decision('Thu 5 Mar', 'Seated twist, each side')).toContainText('Down a step');
	await expect(decision('Thu 5 Mar', 'Seated twist, each side')).toContainText(
		'6/10 pain yesterday: turn not quite as far as last time (about 15°) to let it settle'
	);
	// The plank's steps add time, so in these first sessions it stayed at its start: there is
	// nothing to step back from.
	await expect(decision('Thu 5 Mar', 'Plank')).toContainText(
		'6/10 pain yesterday: already at the gentlest dose to let it settle'
	);

	await expect(page.getByText('No warning signs were reported in this period.')).toBeVisible();
	await expect(page.getByRole('img', { name: /Pain during the routine per day/ })).toBeVisible();
	await expect(page.getByRole('figure')).toContainText('highest 6/10 on Wed 4 Mar');
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();

	const axe = await new AxeBuilder({ page }).analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

	// Choosing eight weeks widens the period and keeps the same sessions.
	await page.getByRole('radio', { name: 'Last 8 weeks' }).check();
	await expect(page.getByText('Fri 9 Jan 2026 to Thu 5 Mar 2026 (last 8 weeks)')).toBeVisible();
	await expect(sessions.getByRole('row')).toHaveCount(4);

	// Printed: no navigation, no buttons.
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Sessions done' })).toBeVisible();

	// The picture in docs/: the same records on an A4-wide page at print size.
	const records = await context.storageState({ indexedDB: true });
	const now = await page.evaluate(() => Date.now());
	const paper = await browser.newContext({
		storageState: records,
		baseURL: testInfo.project.use.baseURL,
		viewport: { width: 794, height: 1123 },
		deviceScaleFactor: 1,
		colorScheme: 'light'
	});
	const sheet = await paper.newPage();
	await sheet.clock.install({ time: now });
	await sheet.emulateMedia({ media: 'print' });
	await sheet.goto('/report');
	await expect(
		sheet.getByRole('table', { name: 'Sessions, oldest first' }).getByRole('row')
	).toHaveCount(4);
	await sheet.screenshot({ path: 'docs/report-print.png', fullPage: true });
	await paper.close();
});

test('with nothing recorded yet the report says so plainly', async ({ page }) => {
	await page.goto('/report');
	await expect(page.getByText('No sessions in this period.')).toBeVisible();
	await expect(page.getByText('No dose went up or down in this period.')).toBeVisible();
	await expect(page.getByText('No flare in this period.')).toBeVisible();
	await expect(page.getByRole('img', { name: /Pain during the routine/ })).toBeVisible();
});
