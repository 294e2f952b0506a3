import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { backupFile, importThroughSettings } from './import-backup';
import { open, withoutSaveDialog } from './support/app';

/**
 * Ice and heat on a phone lying beside the person: 20 minutes by the clock, whatever the phone
 * does meanwhile, a cue at the end, and the next ice named. Times are UTC, in British words.
 */

const OPTIONS = { locale: 'en-GB', timezoneId: 'UTC' } as const;
test.use(OPTIONS);

const MONDAY_9AM = new Date('2026-03-02T09:00:00Z');

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: MONDAY_9AM });
	await withoutSaveDialog(page);
	// What the voice says and how many tones sound, recorded instead of played.
	await page.addInitScript(() => {
		const heard = window as unknown as { spoken: string[]; tones: number };
		heard.spoken = [];
		heard.tones = 0;
		class Utterance {
			voice: unknown = null;
			rate = 1;
			constructor(readonly text: string) {}
		}
		Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance });
		Object.defineProperty(window, 'speechSynthesis', {
			value: {
				paused: false,
				speak: (utterance: Utterance) => heard.spoken.push(utterance.text),
				cancel() {},
				resume() {},
				getVoices: () => []
			}
		});
		const createOscillator = AudioContext.prototype.createOscillator;
		AudioContext.prototype.createOscillator = function (this: AudioContext) {
			heard.tones += 1;
			return createOscillator.call(this);
		};
	});
});

function heard(page: Page): Promise<{ spoken: string[]; tones: number }> {
	return page.evaluate(() => {
		const { spoken, tones } = window as unknown as { spoken: string[]; tones: number };
		return { spoken: [...spoken], tones };
	});
}

async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
	await page.evaluate((visibility) => {
		Object.defineProperty(document, 'visibilityState', { value: visibility, configurable: true });
		Object.defineProperty(document, 'hidden', {
			value: visibility === 'hidden',
			configurable: true
		});
		document.dispatchEvent(new Event('visibilitychange'));
	}, state);
}

async function download(page: Page, button: RegExp): Promise<{ name: string; text: string }> {
	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: button }).click();
	const file = await downloading;
	return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function startIce(page: Page): Promise<void> {
	await open(page, '/ice-heat');
	await page.getByRole('radio', { name: 'Yesterday' }).check();
	await expect(
		page.getByText(/^Suggested: ice\. The spasm started yesterday, within the first 72 hours/)
	).toBeVisible();
	await page.getByRole('button', { name: 'Start 20 minutes of ice' }).click();
	await expect(page.getByRole('timer')).toHaveText('20:00');
}

test('a 20-minute ice application counts down, loses nothing while hidden, ends with the cue, names the next ice and is kept in history, report and backup', async ({
	page,
	browser
}) => {
	// Time moves only by runFor and fastForward, however slow the machine.
	await page.clock.pauseAt(new Date(MONDAY_9AM.getTime() + 60_000));
	await startIce(page);
	const timer = page.getByRole('timer');
	await page.clock.runFor(60_000);
	await expect(timer).toHaveText('19:00');
	expect(await heard(page)).toMatchObject({ tones: 0 });

	// Pocketed for ten minutes: a hidden page's timers hardly run, then the time jumps.
	await setVisibility(page, 'hidden');
	await page.clock.fastForward(10 * 60_000);
	await setVisibility(page, 'visible');
	await expect(timer).toHaveText('9:00');

	await page.clock.runFor(9 * 60_000);
	await expect(page.getByRole('heading', { name: 'Ice done: 20 minutes' })).toBeVisible();
	await expect(timer).toHaveCount(0);
	await expect(page.getByText('Next ice at about 10:51, after 90 minutes off.')).toBeVisible();
	const cues = await heard(page);
	expect(cues.spoken.at(-1)).toBe(
		'Time is up. Take the ice off. The next ice is due at about 10:51.'
	);
	expect(cues.tones).toBeGreaterThanOrEqual(2);

	const calendar = await download(page, /add the next ice to my calendar/i);
	expect(calendar.name).toBe('backcare-next-ice-2026-03-02-1051.ics');
	expect(calendar.text).toContain('\r\nDTSTART:20260302T105100Z\r\n');

	// In the history: the day's calendar cell and the day's details.
	await page.clock.resume();
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'History' })
		.click();
	const monday = page.getByRole('button', {
		name: /2 March 2026, today: no session, 1 ice \(20 min\)/
	});
	await monday.click();
	await expect(page.getByText('Ice and heat: 1 ice (20 min).')).toBeVisible();

	// In the report for a clinician.
	await page
		.getByRole('navigation', { name: 'Main' })
		.getByRole('link', { name: 'Report' })
		.click();
	const care = page.getByRole('region', { name: 'Ice and heat' });
	await expect(care.getByRole('row', { name: /Mon 2 Mar/ })).toContainText('1 (20 min)');

	// A backup made afterwards brings it back on another phone.
	await open(page, '/settings');
	const backup = await download(page, /^Export backup$/);
	expect(JSON.parse(backup.text).applications).toEqual([
		expect.objectContaining({ date: '2026-03-02', kind: 'ice', minutes: 20 })
	]);
	const context = await browser.newContext({
		...OPTIONS,
		baseURL: test.info().project.use.baseURL,
		viewport: { width: 360, height: 740 }
	});
	const elsewhere = await context.newPage();
	await elsewhere.clock.setFixedTime(new Date('2026-03-02T12:00:00Z'));
	await importThroughSettings(elsewhere, backupFile(JSON.parse(backup.text)));
	await elsewhere.goto('/report');
	await expect(
		elsewhere.getByRole('region', { name: 'Ice and heat' }).getByRole('row', { name: /Mon 2 Mar/ })
	).toContainText('1 (20 min)');
	await open(elsewhere, '/ice-heat');
	await expect(elsewhere.getByText('Today so far: 1 ice (20 min).')).toBeVisible();
	await context.close();
});

test('an application under way carries on from its deadline after a reload', async ({ page }) => {
	// Time stands still but for runFor, so the seconds a reload takes do not count.
	await page.clock.pauseAt(new Date(MONDAY_9AM.getTime() + 60_000));
	await startIce(page);
	await page.clock.runFor(5 * 60_000);
	await expect(page.getByRole('timer')).toHaveText('15:00');

	await page.reload();
	await expect(page.getByRole('timer')).toHaveText('15:00');
	await page.clock.runFor(3 * 60_000);
	await expect(page.getByRole('timer')).toHaveText('12:00');
	await expect(page.getByText('Ends at 09:21')).toBeVisible();
});

test('closed past its end, it is kept as 20 minutes, and the next ice is named', async ({
	page,
	context
}) => {
	await startIce(page);
	await page.close({ runBeforeUnload: false });
	const later = await context.newPage();
	await later.clock.install({ time: new Date('2026-03-02T09:45:00Z') });
	await open(later, '/ice-heat');

	await expect(later.getByRole('heading', { name: 'Ice done: 20 minutes' })).toBeVisible();
	await expect(later.getByText('Next ice at about 10:50, after 90 minutes off.')).toBeVisible();
	await expect(later.getByText('Today so far: 1 ice (20 min).')).toBeVisible();
});

test('heat after 72 hours, with the reason and the safety notes', async ({ page }) => {
	await open(page, '/ice-heat');
	const safety = page.getByRole('complementary', { name: 'Safe ice and heat' });
	await expect(safety).toContainText('Keep a cloth between your skin and the ice');
	await expect(safety).toContainText('Stop if the skin goes numb or very red.');
	await expect(safety).toContainText('No heat on a fresh injury');
	await expect(safety).toContainText('Never sleep on a heating pad');

	await page.getByRole('radio', { name: '3 days ago or more' }).check();
	await expect(
		page.getByText(/^Suggested: heat\. The spasm started 3 days ago, more than 72 hours ago/)
	).toBeVisible();
	await page.getByRole('button', { name: 'Start 20 minutes of heat' }).click();
	await expect(page.getByRole('timer')).toHaveText('20:00');
	await page.getByRole('button', { name: 'Stop early' }).click();
	await expect(page.getByRole('heading', { name: /Heat done/ })).toBeVisible();

	// The answer is remembered, and ages with the days.
	await page.reload();
	await expect(page.getByRole('radio', { name: '3 days ago or more' })).toBeChecked();
});

test('Today leads to the timer', async ({ page }) => {
	await open(page, '/');
	await page.getByRole('link', { name: /ice or heat for a spasm/i }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ice and heat' })).toBeVisible();
});
