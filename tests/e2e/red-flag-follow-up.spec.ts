import { expect, test, type Page } from '@playwright/test';
import { checkInHeading, nextMorning, open, startRoutine } from './support/app';
import { expectNoViolations } from './support/axe';

/**
 * After bladder or bowel symptoms stop the routine, Today asks "Have these signs gone?". The
 * answer is kept as a record of its own: it lifts an urgent stop only on a later day, and never
 * takes the place of the morning answer. Lived on Playwright's clock, on a 360 × 740 phone.
 */

const MONDAY_8AM = new Date('2026-03-02T08:00:00');

test.use({ viewport: { width: 360, height: 740 } });

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: MONDAY_8AM });
});

/** Ends the routine under way because it hurt, and reports `warningSign` in the check-in. */
async function endWithWarningSign(page: Page, warningSign: string): Promise<void> {
	await page.clock.runFor(12_000);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: it hurt' }).click();
	await expect(checkInHeading(page)).toBeVisible();
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '3', exact: true })
		.check();
	await page.getByRole('checkbox', { name: warningSign }).check();
	await page.getByRole('button', { name: /save check-in/i }).click();
	await expect(checkInHeading(page)).toBeHidden();
}

/** Every record of one store of the app's database, as stored. */
function stored<T>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const request = indexedDB.open('backcare');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const all = request.result.transaction(name).objectStore(name).getAll();
					all.onsuccess = () => {
						request.result.close();
						resolve(all.result as T[]);
					};
					all.onerror = () => reject(all.error);
				};
			}),
		store
	);
}

async function answerFollowUp(page: Page, choice: string): Promise<void> {
	const question = page.getByRole('group', { name: 'Tell us how you are now' });
	await question.getByRole('radio', { name: choice }).check();
	await page.getByRole('button', { name: 'Save', exact: true }).click();
}

test('bladder or bowel symptoms stay stopped the same day even if gone, and a clinician seen the next day lifts the stop without touching the morning answer', async ({
	page
}) => {
	// Monday: a routine ended early, a little pain, no warning signs.
	await startRoutine(page);
	await page.clock.runFor(12_000);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: it hurt' }).click();
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '1', exact: true })
		.check();
	await page.getByRole('button', { name: /save check-in/i }).click();
	await expect(checkInHeading(page)).toBeHidden();

	// Tuesday: the morning answer, then a routine whose check-in reports bladder or bowel changes.
	await nextMorning(page, 'Better');
	const [tuesdayMorning] = await stored<{ date: string; feeling: string }>(page, 'mornings');
	expect(tuesdayMorning).toMatchObject({ date: '2026-03-03', feeling: 'better', redFlags: [] });
	await page.getByRole('button', { name: /^Start routine/ }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	await endWithWarningSign(page, 'Any change in bladder or bowel control');

	await open(page, '/');
	await expect(page.getByRole('alert')).toContainText('Seek medical care now');
	await expect(page.getByRole('button', { name: /^Start routine/ })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Have these signs gone?' })).toBeVisible();
	await expect(
		page.getByText(
			'Because they came today, the routine stays stopped until a later day, even if they go.'
		)
	).toBeVisible();
	for (const target of [
		...(await page.locator('label:has(input[name="follow-up"])').all()),
		page.getByRole('button', { name: 'Save', exact: true })
	]) {
		expect((await target.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(48);
	}
	await expectNoViolations(page, 'Today: have these signs gone?');

	// The same day, gone completely: still stopped, and said so.
	await answerFollowUp(page, 'They have gone completely');
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText(
		'Saved. Because these signs came today, the routine stays stopped until a later day. Tell us again then.'
	);
	await expectNoViolations(page, 'Today: the follow-up saved, still stopped');
	await open(page, '/');
	await expect(page.getByRole('alert')).toContainText('Seek medical care now');
	await expect(page.getByRole('button', { name: /^Start routine/ })).toHaveCount(0);

	// Wednesday: a clinician has seen them. The stop lifts; the morning question comes first.
	await page.clock.runFor(24 * 3_600_000);
	await open(page, '/');
	await expect(page.getByRole('alert')).toContainText('Seek medical care now');
	await expect(
		page.getByText(
			'The routine starts again when you tell us they have gone completely or that a clinician has seen you.'
		)
	).toBeVisible();
	await answerFollowUp(page, 'A clinician has seen me');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: 'Have these signs gone?' })).toHaveCount(0);
	// The follow-up was not taken for this morning's answer: the morning question is still asked.
	await page.getByRole('radio', { name: 'About the same' }).check();
	await page.getByRole('button', { name: 'Save answer' }).click();
	await expect(page.getByRole('button', { name: /^Start routine/ })).toBeVisible();

	const followUps = await stored<{ date: string; answer: string }>(page, 'followUps');
	expect(followUps.map((f) => [f.date, f.answer])).toEqual([
		['2026-03-03', 'gone'],
		['2026-03-04', 'clinician-seen']
	]);
	const mornings = await stored<{ date: string; feeling: string }>(page, 'mornings');
	expect(mornings).toEqual([
		tuesdayMorning,
		expect.objectContaining({ date: '2026-03-04', feeling: 'same', redFlags: [] })
	]);
});
