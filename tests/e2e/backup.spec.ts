import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { addDays } from '../../src/lib/core/time/calendar';
import { dailyBackup } from '../fixtures/daily-backup';
import { backupFile, importThroughSettings } from './import-backup';
import { withoutSaveDialog } from './support/app';

const TODAY = '2026-03-10';
const OPTIONS = { locale: 'en-GB', timezoneId: 'UTC' } as const;

test.use(OPTIONS);

/** Three weeks of sessions, a few skipped, one of them painful. */
const threeWeeks = dailyBackup({
	from: '2026-02-17',
	days: 21,
	skipped: (day) => day === 4 || day === 11,
	pain: (day) => (day === 8 ? 4 : 1)
});

async function freshPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		...OPTIONS,
		baseURL: test.info().project.use.baseURL,
		viewport: { width: 360, height: 740 }
	});
	const page = await context.newPage();
	await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
	return page;
}

/** What a person sees on the history page, and what a screen reader hears of the charts. */
async function historySeen(page: Page): Promise<{ text: string; charts: string[] }> {
	await page.goto('/history');
	await expect(page.locator('[data-state="ready"]')).toBeVisible();
	return {
		text: await page.getByRole('main').innerText(),
		charts: await page.locator('svg[role="img"] desc').allTextContents()
	};
}

async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	const file = await downloading;
	const path = await file.path();
	return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test.beforeEach(async ({ page }) => {
	await page.clock.setFixedTime(new Date(`${TODAY}T09:00:00Z`));
	await withoutSaveDialog(page);
});

test('export, then import into a new browser, gives the same history and settings', async ({
	page,
	browser
}) => {
	await importThroughSettings(page, backupFile(threeWeeks));
	await page.getByLabel('Voice').uncheck();
	await page.getByRole('button', { name: 'Leave out Plank' }).click();
	await expect(page.getByRole('button', { name: 'Add Plank back' })).toBeVisible();
	await expect(page.getByText('No backup yet.')).toBeVisible();

	const exported = await download(page, 'Export backup');

	expect(exported.name).toBe(`backcare-backup-${TODAY}.json`);
	expect(JSON.parse(exported.text)).toMatchObject({
		app: 'backcare',
		version: 1,
		exportedAt: `${TODAY}T09:00:00.000Z`
	});
	// A download may not arrive: it counts once the person says the file is there.
	const asking = page.getByRole('group', { name: 'Is the backup file saved?' });
	await expect(asking).toContainText('19 sessions');
	await expect(page.getByText('No backup yet.')).toBeVisible();
	await asking.getByRole('button', { name: 'Yes, it is saved' }).click();
	await expect(asking).toHaveCount(0);
	await expect(page.getByText('No backup yet.')).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Your data on this device' })).toContainText(
		'10 Mar 2026, 09:00'
	);
	const before = await historySeen(page);
	expect(before.text).toContain('19 sessions, newest first.');

	const elsewhere = await freshPage(browser);
	await importThroughSettings(elsewhere, exported);

	await expect(elsewhere.getByLabel('Voice')).not.toBeChecked();
	await expect(elsewhere.getByRole('button', { name: 'Add Plank back' })).toBeVisible();
	expect(await historySeen(elsewhere)).toEqual(before);
	await elsewhere.context().close();
});

test('a bad file is refused with what is wrong, and nothing visible changes', async ({ page }) => {
	await importThroughSettings(page, backupFile(threeWeeks));
	const before = await historySeen(page);
	const painEleven = structuredClone(threeWeeks);
	painEleven.checkIns[2]!.pain = 11;
	const badFiles = [
		{
			file: { name: 'pain.json', text: JSON.stringify(painEleven) },
			says: 'In check-in 3, "pain" should be a whole number from 0 to 10, but it is 11.'
		},
		{
			file: { name: 'notes.json', text: 'my back felt better today' },
			says: 'The file is not a backup: its text is not JSON.'
		},
		{
			file: {
				name: 'proto.json',
				text: JSON.stringify(threeWeeks).replace('{"app"', '{"__proto__":{"x":1},"app"')
			},
			says: 'The file holds the key "__proto__"'
		}
	];

	for (const { file, says } of badFiles) {
		await page.goto('/settings');
		await page.getByLabel('Import backup').setInputFiles({
			name: file.name,
			mimeType: 'application/json',
			buffer: Buffer.from(file.text)
		});

		const alert = page.getByRole('alert');
		await expect(alert).toContainText(`${file.name} was not imported.`);
		await expect(alert).toContainText(says);
		await expect(alert).toContainText('Nothing on this device was changed.');
		await expect(page.getByRole('button', { name: /Replace everything/ })).toHaveCount(0);
		expect(await historySeen(page)).toEqual(before);
	}
});

test('merging adds the sessions of the file to those on the device', async ({ page }) => {
	await importThroughSettings(page, backupFile(threeWeeks));
	const january = dailyBackup({ from: '2026-01-05', days: 5 });

	await page.getByLabel('Import backup').setInputFiles({
		name: 'january.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(january))
	});
	const preview = page.getByRole('group', { name: 'In this backup' });
	await expect(preview).toContainText('It holds 5 sessions from 5 Jan 2026 to 9 Jan 2026');
	await expect(preview).toContainText('This device holds 19 sessions now.');
	await page.getByRole('button', { name: 'Merge with this device' }).click();

	await expect(page.getByText('Backup merged. This device now holds 24 sessions.')).toBeVisible();
	expect((await historySeen(page)).text).toContain('24 sessions, newest first.');
});

test('sessions export as CSV, one row per session', async ({ page }) => {
	await importThroughSettings(page, backupFile(threeWeeks));

	const csv = await download(page, 'Export CSV');

	expect(csv.name).toBe(`backcare-sessions-${TODAY}.csv`);
	const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
	expect(lines[0]).toBe(
		'Date,Start time,Duration (minutes),Pain (0-10),Exercises done,Stopped for pain,Red flags'
	);
	expect(lines).toHaveLength(19 + 2);
	expect(lines[1]).toBe(
		'2026-02-17,07:00,16,1,Gentle warm-up; Seated twist; Lying knee drop; Knee to chest; Hip bridge; Bird dog; Plank,no,none'
	);
	// The ninth day hurt: 4/10.
	expect(lines.find((line) => line.startsWith(addDays('2026-02-17', 8)))).toMatch(
		/^2026-02-25,07:00,16,4,/
	);
});

test('a daily reminder downloads as a calendar file', async ({ page }) => {
	await page.goto('/settings');
	await page.getByLabel('Time of day').fill('06:45');

	const ics = await download(page, 'Add a daily reminder');

	expect(ics.name).toBe('backcare-daily-reminder.ics');
	expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
	expect(ics.text).toContain('\r\nRRULE:FREQ=DAILY\r\n');
	expect(ics.text).toContain(`\r\nDTSTART:${TODAY.replaceAll('-', '')}T064500\r\n`);
	expect(ics.text).toContain('\r\nDTSTAMP:20260310T090000Z\r\n');
	expect(ics.text).toMatch(/\r\nUID:.+\r\n/);
});

declare global {
	interface Window {
		/** What the stand-in save dialog's file holds once written, and how to finish writing it. */
		savedBackup?: string;
		finishWriting?: () => void;
	}
}

test('with a save dialog, the last backup is noted only once the file is written', async ({
	page
}) => {
	// A stand-in for the browser's save dialog whose file finishes writing when the test says.
	await page.addInitScript(() => {
		const handle = {
			createWritable: async () => {
				let text = '';
				return {
					write: async (blob: Blob) => {
						text = await blob.text();
					},
					close: () =>
						new Promise<void>((resolve) => {
							window.finishWriting = () => {
								window.savedBackup = text;
								resolve();
							};
						})
				};
			}
		};
		Object.defineProperty(window, 'showSaveFilePicker', {
			value: async () => handle,
			configurable: true
		});
	});
	await importThroughSettings(page, backupFile(threeWeeks));
	await expect(page.getByText('No backup yet.')).toBeVisible();

	await page.getByRole('button', { name: 'Export backup' }).click();
	await page.waitForFunction(() => window.finishWriting !== undefined);
	await expect(page.getByText('No backup yet.')).toBeVisible();

	await page.evaluate(() => window.finishWriting?.());
	await expect(
		page.getByRole('status').filter({ hasText: 'Backup saved: 19 sessions.' })
	).toBeVisible();
	await expect(page.getByText('No backup yet.')).toHaveCount(0);
	await expect(page.getByRole('region', { name: 'Your data on this device' })).toContainText(
		'10 Mar 2026, 09:00'
	);
	await expect(page.getByRole('group', { name: 'Is the backup file saved?' })).toHaveCount(0);
	const saved = JSON.parse((await page.evaluate(() => window.savedBackup)) ?? '{}');
	expect(saved.sessions).toHaveLength(19);
});

test('a download the person says did not arrive leaves no last-backup time', async ({ page }) => {
	await importThroughSettings(page, backupFile(threeWeeks));
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	await downloading;
	await page.getByRole('button', { name: 'No, it is not there' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'does not count as a backup' })
	).toBeVisible();
	await page.reload();
	await expect(page.getByText('No backup yet.')).toBeVisible();
});
