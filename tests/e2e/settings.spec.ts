import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { dailyBackup } from '../fixtures/daily-backup';
import { backupFile, importThroughSettings } from './import-backup';

const TODAY = '2026-03-10';

test.use({ locale: 'en-GB', timezoneId: 'UTC' });

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
	await page.goto('/settings');
	await expect(page.locator('[data-state="ready"]')).toBeVisible();
});

test('cue switches and the rest length are kept after a reload', async ({ page }) => {
	await page.getByLabel('Beeps').uncheck();
	await expect(page.getByRole('status').filter({ hasText: 'Saved. Beeps off.' })).toBeVisible();
	await page.getByLabel('Rest between exercises').selectOption('45');
	await expect(page.getByText('Saved. Rest: 45 seconds.')).toBeVisible();

	await page.reload();

	await expect(page.getByLabel('Voice')).toBeChecked();
	await expect(page.getByLabel('Beeps')).not.toBeChecked();
	await expect(page.getByLabel('Vibration')).toBeChecked();
	await expect(page.getByLabel('Rest between exercises')).toHaveValue('45');
});

test('exercises move up and down, are left out and come back', async ({ page }) => {
	const order = page.getByRole('region', { name: 'Your routine' }).getByRole('list').first();
	const names = () => order.getByRole('listitem').allInnerTexts();

	await page.getByRole('button', { name: 'Move Plank up' }).click();
	await expect(page.getByRole('button', { name: 'Move Plank up' })).toBeFocused();
	await page.getByRole('button', { name: 'Move Gentle warm-up down' }).click();
	expect((await names()).map((n) => n.split('\n')[0])).toEqual([
		'Seated twist',
		'Gentle warm-up',
		'Lying knee drop',
		'Knee to chest',
		'Hip bridge',
		'Plank',
		'Bird dog'
	]);

	await page.getByRole('button', { name: 'Leave out Knee to chest' }).click();
	await expect(page.getByRole('button', { name: 'Add Knee to chest back' })).toBeFocused();
	await page.reload();
	await expect(order.getByRole('listitem')).toHaveCount(6);
	await expect(page.getByRole('button', { name: 'Move Plank down' })).toBeVisible();

	await page.getByRole('button', { name: 'Add Knee to chest back' }).click();
	await expect(order.getByRole('listitem')).toHaveCount(7);
	await expect(order.getByRole('listitem').last()).toContainText('Knee to chest');
	await expect(page.getByRole('button', { name: 'Move Knee to chest down' })).toBeDisabled();
});

test('an exercise starts again from the beginning after the person confirms', async ({ page }) => {
	await importThroughSettings(page, backupFile(dailyBackup({ from: '2026-02-20', days: 18 })));
	await page.getByLabel('Exercise', { exact: true }).selectOption({ label: 'Seated twist' });
	await page.getByRole('button', { name: 'Start again…' }).click();

	const question = page.getByRole('group', {
		name: /Start Seated twist again from the beginning\?/
	});
	await expect(question).toContainText('turn 15°, hold 15 s, rounds × 1');
	await expect(page.getByRole('button', { name: 'Yes, start Seated twist again' })).toBeFocused();
	await page.getByRole('button', { name: 'Yes, start Seated twist again' }).click();
	await expect(page.getByText('Seated twist starts again from the beginning today.')).toBeVisible();

	await page.goto('/history');
	const twist = page.getByRole('region', { name: 'Seated twist' });
	// Each dial's chart and table open under the exercise's summary.
	await twist.getByText('Each dial of Seated twist, with tables').click();
	await twist.getByText('turn as a table').click();
	const rows = twist.getByRole('table', { name: /turn over time/ }).getByRole('row');
	await expect(rows.last()).toHaveText(/10 Mar 2026\s*15°\s*15°/);
	await expect(rows.nth(1)).toHaveText(/20 Feb 2026\s*15°\s*15°/);
});

test('shows whether storage is kept and how much it uses', async ({ page }) => {
	const safety = page.getByRole('region', { name: 'Your data on this device' });

	await expect(safety.getByText('Kept by the browser')).toBeVisible();
	await expect(safety.getByText('Space used')).toBeVisible();
	await expect(safety.getByText('No backup yet.')).toBeVisible();
});

test('the page passes an accessibility scan, light and dark, with a refused file showing', async ({
	page
}) => {
	await page.getByLabel('Import backup').setInputFiles({
		name: 'notes.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('not a backup')
	});
	await expect(page.getByRole('alert')).toBeVisible();
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		const scan = await new AxeBuilder({ page }).analyze();
		expect(scan.violations).toEqual([]);
	}
});
