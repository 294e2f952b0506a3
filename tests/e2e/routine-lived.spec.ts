import { expect, test, type Page } from '@playwright/test';
import {
	checkInHeading,
	holdTheClock,
	open,
	playWholeRoutine,
	saveCheckIn,
	startRoutine
} from './support/app';
import { expectNoViolations } from './support/axe';

/**
 * The routine as a person on the floor lives it, on a 360 × 740 phone with Playwright's clock:
 * time to change position, a "too much" that stops and asks, time to read, words for the day.
 */

const MONDAY_8AM = new Date('2026-03-02T08:00:00');

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: MONDAY_8AM });
});

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const phase = (page: Page) => page.locator('.phase');

/** Taps Skip until the screen shows `title` in `phaseText`. */
async function skipTo(page: Page, title: string | RegExp, phaseText: RegExp): Promise<void> {
	for (let i = 0; i < 60; i++) {
		const h = (await heading(page).textContent()) ?? '';
		const p = (await phase(page).textContent()) ?? '';
		if ((typeof title === 'string' ? h === title : title.test(h)) && phaseText.test(p)) return;
		await page.getByRole('button', { name: 'Skip' }).click();
	}
	throw new Error(`Never reached ${title} (${phaseText})`);
}

test('from pelvic tilts on the back to cat-cow on all fours there are at least 10 s to change position, with the words for how', async ({
	page
}) => {
	await startRoutine(page);
	await skipTo(page, /Pelvic tilts/, /slow movements/);
	await expect(phase(page)).not.toContainText(/hold/i);
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(phase(page)).toContainText('Change position');
	await expect(heading(page)).toHaveText('On your hands and knees');
	await expect(
		page.getByText('Bend your knees and roll onto your side as one piece')
	).toBeVisible();
	await expect(page.getByText('Push up with your arms onto your hands and knees')).toBeVisible();
	await page.clock.runFor(9_500);
	await expect(phase(page)).toContainText('Change position');
	await page.clock.runFor(1_000);
	await expect(heading(page)).toHaveText('Gentle warm-up: Cat-cow');
	await expect(page.getByText(/round your back up like a cat/)).toBeVisible();
	// Then up to standing for marching, which takes longer; the screen passes an accessibility scan.
	// The clock stands still from here, so a slow machine cannot eat into the 15 s being read.
	await holdTheClock(page);
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(heading(page)).toHaveText('Standing');
	await expect(page.getByRole('timer')).toHaveText('0:15');
	// The scan waits on timers of its own, so time runs again for it.
	await page.clock.resume();
	await expectNoViolations(page, 'player: change position');
});

test('“too much” stops the timer until a choice is made, and skipping the other side moves on to the next exercise', async ({
	page
}) => {
	await startRoutine(page);
	await skipTo(page, 'Seated twist', /Hold.*Left side/);
	await page.clock.runFor(3_000);
	await page.getByRole('button', { name: /^Too much/ }).click();
	const stopped = page.getByRole('heading', { name: 'Stopped. Take your time.' });
	await expect(stopped).toBeVisible();
	await expect(
		page.getByText('Next time Seated twist on the left side goes down a step.')
	).toBeVisible();
	// Two minutes on the floor: nothing starts by itself.
	await page.clock.runFor(120_000);
	await expect(stopped).toBeVisible();
	await expect(page.getByRole('timer')).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^Rest a moment/ })).toBeVisible();
	await expect(page.getByRole('button', { name: /^End the routine/ })).toBeVisible();
	await expectNoViolations(page, 'player: too much');
	await page.getByRole('button', { name: /^Skip the other side/ }).click();
	// After a stretch there is no rest of its own: the next step is the move onto the back.
	await expect(phase(page)).toContainText('Change position');
	await expect(heading(page)).toHaveText('Lying on your back');
	await page.clock.runFor(25_000);
	await expect(phase(page)).not.toContainText('Right side');
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Seated twist');
});

test('“too much”, then rest a moment: the routine waits paused at the next step until Resume', async ({
	page
}) => {
	await startRoutine(page);
	await skipTo(page, 'Seated twist', /Hold.*Left side/);
	await page.getByRole('button', { name: /^Too much/ }).click();
	await page.getByRole('button', { name: /^Rest a moment/ }).click();
	await expect(phase(page)).toContainText('Switch side');
	await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
	const left = await page.getByRole('timer').textContent();
	await page.clock.runFor(60_000);
	await expect(page.getByRole('timer')).toHaveText(left ?? '');
	await expect(page.getByText(/swap legs/)).toBeVisible();
});

test('the spoken cue appears as text during a hold, and stays put between cues rather than chattering', async ({
	page
}) => {
	await startRoutine(page);
	await skipTo(page, 'Seated twist', /Hold.*Left side/);
	const cue = page.locator('[aria-live="polite"]');
	await expect(cue).toHaveText('Sit tall, then breathe out as you turn');
	await page.clock.runFor(8_000);
	await expect(cue).toHaveText('Sit tall, then breathe out as you turn');
	await expect(page.getByText('Turn until you feel a gentle stretch (about 15°)')).toBeVisible();
	// Nothing else on the screen speaks politely: the timer itself is silent.
	await expect(page.getByRole('timer')).toHaveAttribute('aria-live', 'off');
});

for (const name of ['Seated twist', 'Bird dog']) {
	test(`every set-up step of ${name} can be read above the controls at 360 × 740`, async ({
		page
	}) => {
		await startRoutine(page);
		await skipTo(page, name, /Get ready/);
		const steps = page.locator('ol.setup li');
		const count = await steps.count();
		expect(count).toBeGreaterThanOrEqual(4);
		const barTop = await page.locator('.bar').evaluate((bar) => bar.getBoundingClientRect().top);
		// Without scrolling, the screen a metre away shows every step above the controls.
		const lastBottom = await steps.last().evaluate((li) => li.getBoundingClientRect().bottom);
		expect(lastBottom, 'the last step ends above the controls').toBeLessThanOrEqual(barTop + 1);
		for (let i = 0; i < count; i++) {
			// And each can be brought above them, should a bigger font push it down.
			const bottom = await steps
				.nth(i)
				.evaluate(
					(li) => (li.scrollIntoView({ block: 'center' }), li.getBoundingClientRect().bottom)
				);
			const top = await page.locator('.bar').evaluate((bar) => bar.getBoundingClientRect().top);
			expect(bottom, `step ${i + 1} ends above the controls`).toBeLessThanOrEqual(top + 1);
		}
		expect(barTop).toBeGreaterThan(0);
		if (name === 'Bird dog') {
			await expect(phase(page)).toContainText('Left side: right arm and left leg');
		}
	});
}

test('the rest before an exercise in another position is also the move: how to move, its figure and how to set up', async ({
	page
}) => {
	await startRoutine(page);
	await skipTo(page, 'Hip bridge', /Rest/);
	await expect(phase(page)).toContainText('Rest and change position');
	await expect(page.getByText('Next up: Bird dog')).toBeVisible();
	await expect(
		page.getByText('Bend your knees and roll onto your side as one piece').first()
	).toBeVisible();
	await expect(page.locator('.figure svg, .figure [data-figure]').first()).toBeAttached();
	await expect(
		page.getByText(/hands under your shoulders and knees under your hips/).first()
	).toBeVisible();
});

test('after the first session the summary speaks of this session and tomorrow, never yesterday, and opens at the top', async ({
	page
}) => {
	await startRoutine(page);
	await playWholeRoutine(page);
	await expect(checkInHeading(page)).toBeVisible();
	await saveCheckIn(page, 2);
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
	const text = (await page.locator('main').textContent()) ?? '';
	expect(text).not.toMatch(/yesterday/i);
	expect(text).not.toMatch(/this morning/i);
	expect(text).toContain('2/10 pain in this session. If your back feels no worse tomorrow morning');
	// A side whose meaning is not obvious says which arm and leg it was.
	await expect(page.getByText('Bird dog (left: right arm and left leg): done')).toBeVisible();
	await expect(page.getByText('Seated twist (left): done')).toBeVisible();
	expect(await page.evaluate(() => window.scrollY)).toBe(0);
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeInViewport();
});

test('the exercise list starts with the warm-up and follows the routine', async ({ page }) => {
	await open(page, '/exercises');
	const names = await page.locator('.exercises .name').allTextContents();
	expect(names[0]).toBe('Gentle warm-up');
	expect(names.slice(1, 3)).toEqual(['Seated twist', 'Lying knee drop']);
});

test('Today puts the clinician advice above the exercises, and a sore day starts the gentle routine', async ({
	page
}) => {
	await open(page, '/');
	const advice = page.getByRole('heading', { name: 'Stop and see a clinician if' });
	const doses = page.getByRole('heading', { name: 'Today’s doses' });
	const adviceTop = await advice.evaluate((h) => h.getBoundingClientRect().top);
	const dosesTop = await doses.evaluate((h) => h.getBoundingClientRect().top);
	expect(adviceTop).toBeLessThan(dosesTop);
	await expect(page.getByRole('heading', { name: 'How is your back today?' })).toBeVisible();
	await page.getByRole('button', { name: /^Sore or in spasm/ }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	const seen = (await playWholeRoutine(page)).join('\n');
	expect(seen).toContain('Knee to chest');
	expect(seen).not.toContain('Bird dog');
	expect(seen).not.toContain('Plank');
});
