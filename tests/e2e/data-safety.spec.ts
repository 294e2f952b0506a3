import { expect, test } from '@playwright/test';
import { dailyBackup } from '../fixtures/daily-backup';
import { backupFile, importThroughSettings } from './import-backup';
import { open, withoutSaveDialog } from './support/app';

const TODAY = '2026-03-10';

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
	await withoutSaveDialog(page);
});

test('Today says “not backed up” after sessions, and stops once a backup is exported', async ({
	page
}) => {
	await open(page, '/');
	await expect(page.getByRole('region', { name: 'Data safety' })).toHaveCount(0);

	const week = dailyBackup({ from: '2026-03-03', days: 7, pain: () => 1 });
	await importThroughSettings(page, backupFile(week));
	await open(page, '/');
	const note = page.getByRole('region', { name: 'Data safety' });
	await expect(note).toContainText('Not backed up: 7 sessions are only on this device.');
	await expect(note).toContainText('Export a backup in Settings');

	await open(page, '/settings');
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	await downloading;
	await page.getByRole('button', { name: 'Yes, it is saved' }).click();
	await expect(page.getByRole('region', { name: 'Data safety' })).toContainText(/^Backed up/);

	await open(page, '/');
	await expect(page.getByRole('button', { name: /^Start routine/ })).toBeVisible();
	await expect(page.getByText(/Not backed up/)).toHaveCount(0);
});
