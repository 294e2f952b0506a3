import { expect, type Page } from '@playwright/test';
import type { Backup } from '../../src/lib/core/records/backup';

/** Imports a backup through the settings page, as a person does, replacing what is there. */
export async function importThroughSettings(
	page: Page,
	file: { name: string; text: string } | string,
	mode:
		| 'Replace everything on this device'
		| 'Merge with this device' = 'Replace everything on this device'
): Promise<void> {
	await page.goto('/settings');
	await expect(page.locator('[data-state="ready"]')).toBeVisible();
	await page
		.getByLabel('Import backup')
		.setInputFiles(
			typeof file === 'string'
				? file
				: { name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }
		);
	await page.getByRole('button', { name: mode }).click();
	await expect(page.getByText(/This device now holds \d+ sessions?\./)).toBeVisible();
}

export function backupFile(backup: Backup, name = 'backup.json'): { name: string; text: string } {
	return { name, text: JSON.stringify(backup) };
}
