import { expect, test } from '@playwright/test';
import { appPages } from './support/app-pages';
import { checkInHeading, mainHeading, saveCheckIn } from './support/app';
import { expectNoViolations } from './support/axe';

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`${colorScheme} theme`, () => {
		test.use({ colorScheme });

		// One test a page, so a slow machine times out no page because of the others.
		for (const path of appPages().filter((p) => p !== '/play')) {
			test(`${path} has no accessibility violations`, async ({ page }) => {
				await page.goto(path);
				await expect(mainHeading(page), path).toBeVisible();
				await expectNoViolations(page, path);
			});
		}

		test('the ice-and-heat timer, running and ended, has no accessibility violations', async ({
			page
		}) => {
			await page.clock.install({ time: new Date('2026-03-02T09:00:00') });
			await page.goto('/ice-heat');
			await page.getByRole('radio', { name: 'Today' }).check();
			await page.getByRole('button', { name: 'Start 20 minutes of ice' }).click();
			await expect(page.getByRole('timer')).toBeVisible();
			await expectNoViolations(page, 'ice and heat: running');
			await page.clock.runFor(20 * 60_000);
			await expect(page.getByRole('heading', { name: 'Ice done: 20 minutes' })).toBeVisible();
			await expectNoViolations(page, 'ice and heat: ended');
		});

		test('every phase of the player has no accessibility violations', async ({ page }) => {
			// A scan at each phase, and skips through a whole routine between them.
			test.slow();
			await page.goto('/');
			await page.getByRole('button', { name: /^start routine/i }).click();
			await expect(page.getByRole('timer')).toBeVisible();

			// The hidden status line names the phase: "Get ready: Plank", "Rest: …".
			const phases = ['Get ready', 'Work', 'Switch side', 'Rest'];
			const status = page
				.getByRole('status')
				.filter({ hasText: /^(Get ready|Work|Switch side|Rest):/ });
			const checked = new Set<string>();
			for (let step = 0; step < 200 && checked.size < phases.length; step++) {
				const phase = (await status.textContent())?.split(':')[0] ?? '';
				if (phases.includes(phase) && !checked.has(phase)) {
					await expectNoViolations(page, `player: ${phase}`);
					checked.add(phase);
				}
				await page.getByRole('button', { name: 'Skip' }).click();
			}
			expect([...checked].sort()).toEqual([...phases].sort());

			// Paused, and the confirmation to end early.
			await page.getByRole('button', { name: 'Pause' }).click();
			await expectNoViolations(page, 'player: paused');
			await page.getByRole('button', { name: /end routine/i }).click();
			await expectNoViolations(page, 'player: end the routine?');
			await page.getByRole('button', { name: /no pain/i }).click();

			await expect(checkInHeading(page)).toBeVisible();
			await expectNoViolations(page, 'check-in');
			await saveCheckIn(page, 1);
			await expect(mainHeading(page)).toBeVisible();
			await expectNoViolations(page, 'summary');
		});
	});
}
