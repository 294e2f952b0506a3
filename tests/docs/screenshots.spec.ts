import { expect, test, type Page } from '@playwright/test';
import { open } from '../e2e/support/app';

const shot = (page: Page, name: string) => page.screenshot({ path: `docs/${name}.png` });

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: new Date('2026-03-02T08:00:00') });
});

test('today and every phase of the player', async ({ page }) => {
	await open(page, '/');
	await expect(page.getByRole('button', { name: /^Start routine/ })).toBeVisible();
	await shot(page, 'today');

	await page.getByRole('button', { name: /^Start routine/ }).click();
	await page.clock.runFor(2_000);
	await shot(page, 'player-get-ready');
	// Warm-up movements are counted, and a change of position has time and words of its own.
	await page.getByRole('button', { name: 'Skip' }).click();
	await page.clock.runFor(7_000);
	await shot(page, 'player-movement');
	await page.getByRole('button', { name: 'Skip' }).click();
	await page.clock.runFor(2_000);
	await shot(page, 'player-change-position');

	const phases: [RegExp, string][] = [
		[/^Hold/, 'player-hold'],
		[/Switch side/, 'player-switch-side'],
		[/^Rest/, 'player-rest'],
		[/reps/, 'player-reps']
	];
	for (const [phase, name] of phases) {
		for (let i = 0; i < 60; i++) {
			const text = (await page.locator('.phase').textContent()) ?? '';
			if (
				phase.test(text.trim()) &&
				!/Warm-up/i.test((await page.locator('h1').textContent()) ?? '')
			)
				break;
			await page.getByRole('button', { name: 'Skip' }).click();
		}
		await page.clock.runFor(2_500);
		await shot(page, name);
	}
	// "Too much" stops and asks; resting waits, paused, at the next step.
	await page.getByRole('button', { name: /^Too much/ }).click();
	await expect(page.getByRole('heading', { name: 'Stopped. Take your time.' })).toBeVisible();
	await shot(page, 'player-too-much');
	await page.getByRole('button', { name: /^Rest a moment/ }).click();
	await shot(page, 'player-paused');
	await page.getByRole('button', { name: 'Resume' }).click();
	await page.getByRole('button', { name: 'End routine' }).click();
	await shot(page, 'player-end');
	await page.getByRole('button', { name: 'End: no pain, just stopping' }).click();
	// Pain is chosen, never preset: 1 of 10.
	await page
		.getByRole('group', { name: /pain during the routine/i })
		.getByRole('radio', { name: '1', exact: true })
		.check();
	await shot(page, 'check-in');
	await page.getByRole('button', { name: 'Save check-in' }).click();
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
	await page.screenshot({ path: 'docs/summary.png', fullPage: true });
	await shot(page, 'summary-top');
});

test('the exercise list, in the routine’s order', async ({ page }) => {
	await open(page, '/exercises');
	await shot(page, 'exercises');
	await open(page, '/exercises/bird-dog');
	await page.getByRole('heading', { name: 'Your dose today' }).scrollIntoViewIfNeeded();
	await shot(page, 'exercise-sides');
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme, locale: 'en-GB', timezoneId: 'UTC' });

		test(`the navigation and the ice-and-heat timer (${colorScheme})`, async ({ page }) => {
			await page.clock.install({ time: new Date('2026-03-02T09:00:00Z') });
			await open(page, '/history');
			await expect(page.locator('[data-state="ready"]')).toBeVisible();
			await shot(page, `navigation-${colorScheme}`);

			await page
				.getByRole('navigation', { name: 'Main' })
				.getByRole('link', { name: 'Ice & heat' })
				.click();
			await page.getByRole('radio', { name: 'Yesterday' }).check();
			await shot(page, `ice-heat-${colorScheme}`);
			await page.getByRole('button', { name: 'Start 20 minutes of ice' }).click();
			await page.clock.runFor(6 * 60_000 + 25_000);
			await shot(page, `ice-heat-timer-${colorScheme}`);
			await page.clock.runFor(14 * 60_000);
			await expect(page.getByRole('heading', { name: 'Ice done: 20 minutes' })).toBeVisible();
			await shot(page, `ice-heat-next-${colorScheme}`);
		});
	});
}
