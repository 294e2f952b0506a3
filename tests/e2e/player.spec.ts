import { expect, test, type Page } from '@playwright/test';
import {
	holdTheClock,
	nextMorning,
	open,
	playWholeRoutine,
	saveCheckIn,
	startRoutine
} from './support/app';

/**
 * The guided player, driven as a person would: tap Start, then let time pass on Playwright's clock.
 * The phone is propped against a wall; nothing is tapped until the check-in.
 */

const MONDAY_8AM = new Date('2026-03-02T08:00:00');

function timerSeconds(text: string | null): number {
	const [m, s] = (text ?? '').split(':').map(Number);
	return (m ?? 0) * 60 + (s ?? 0);
}

async function secondsLeft(page: Page): Promise<number> {
	return timerSeconds(await page.getByRole('timer').textContent());
}

test.beforeEach(async ({ page }) => {
	await page.clock.install({ time: MONDAY_8AM });
});

test('the whole default routine runs by time alone, every exercise, side and phase', async ({
	page
}) => {
	await startRoutine(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gentle warm-up');
	// The first time, get ready lasts long enough to read the set-up: more than the routine's 10 s.
	await expect(page.getByRole('timer')).toHaveText(/^0:[1-5]\d$/);
	expect(await secondsLeft(page)).toBeGreaterThan(10);
	await expect(page.getByRole('timer')).toHaveAccessibleName(/get ready/i);
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Skip' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Back' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'End routine' })).toBeVisible();

	const seen = (await playWholeRoutine(page)).join('\n');
	for (const name of [
		'Pelvic tilts',
		'Cat-cow',
		'Marching',
		'Seated twist',
		'Knee to chest',
		'Hip bridge',
		'Bird dog',
		'Plank'
	]) {
		expect(seen).toContain(name);
	}
	expect(seen).toMatch(/Seated twist \| .*Left side/);
	expect(seen).toMatch(/Seated twist \| .*Right side/);
	expect(seen).toMatch(/Switch side/);
	expect(seen).toMatch(/Rest/);
	expect(seen).toMatch(/Get ready/);
	expect(seen).toMatch(/Hip bridge \| \d+ reps/);
});

test('a rep exercise counts reps at its tempo and shows the target range', async ({ page }) => {
	await startRoutine(page);
	// Skip to the hip bridge's work: its first rep goes up for 2 s, holds, and comes down.
	for (let i = 0; i < 40; i++) {
		if (await page.getByText(/^Rep \d+ of \d+/).isVisible()) break;
		await page.getByRole('button', { name: 'Skip' }).click();
	}
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hip bridge');
	await expect(page.getByText(/^Rep 1 of 5/)).toBeVisible();
	await expect(
		page.getByText(
			'Lift your hips until you feel your buttocks working, back not arched (about 8 cm)'
		)
	).toBeVisible();
	await page.clock.runFor(6_500);
	await expect(page.getByText(/^Rep 2 of 5/)).toBeVisible();
	await page.clock.runFor(12_000);
	await expect(page.getByText(/^Rep 4 of 5/)).toBeVisible();
});

test('pausing for ten minutes keeps the time that was left, and Space toggles the pause', async ({
	page
}) => {
	await startRoutine(page);
	await holdTheClock(page);
	await page.clock.runFor(15_000);
	const before = await secondsLeft(page);
	await page.getByRole('button', { name: 'Pause' }).click();
	await page.clock.runFor(10 * 60_000);
	expect(await secondsLeft(page)).toBe(before);
	await page.getByRole('button', { name: 'Resume' }).click();
	await page.clock.runFor(3_000);
	expect(await secondsLeft(page)).toBe(before - 3);

	// Tapping the big timer pauses too, and the Space key resumes.
	await page.getByRole('timer').click();
	await expect(page.getByRole('button', { name: 'Resume' })).toBeVisible();
	await page.clock.runFor(60_000);
	expect(await secondsLeft(page)).toBe(before - 3);
	await page.locator('h1').click();
	await page.keyboard.press('Space');
	await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
});

test('skip moves to the next step and back returns to the one before', async ({ page }) => {
	await startRoutine(page);
	await holdTheClock(page);
	await expect(page.getByRole('timer')).toHaveAccessibleName(/get ready/i);
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gentle warm-up: Pelvic tilts');
	await expect(page.getByRole('timer')).toHaveText('0:30');
	// From the back onto all fours: a change of position comes first.
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('On your hands and knees');
	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gentle warm-up: Cat-cow');
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('On your hands and knees');
	await page.getByRole('button', { name: 'Back' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gentle warm-up: Pelvic tilts');
	await expect(page.getByRole('timer')).toHaveText('0:30');
});

test('Resume on Today shows the player paused at the same step and time after one tap', async ({
	page,
	context
}) => {
	await startRoutine(page);
	// Past the first get ready (long enough to read the set-up) into the pelvic tilts.
	await page.clock.runFor(35_000);
	// The fake clock ran 35 s in a few milliseconds; give the once-a-second saves a real moment.
	await page.waitForTimeout(500);
	const heading = await page.getByRole('heading', { level: 1 }).textContent();
	const left = await secondsLeft(page);
	expect(heading).toContain('Pelvic tilts');

	await page.close({ runBeforeUnload: false });
	const reopened = await context.newPage();
	await reopened.clock.install({ time: new Date(MONDAY_8AM.getTime() + 5 * 60_000) });
	await open(reopened, '/');
	await expect(reopened.getByRole('button', { name: 'Discard it' })).toBeVisible();
	await reopened.getByRole('link', { name: 'Resume routine' }).click();
	await expect(reopened.getByRole('timer')).toBeVisible();
	await expect(reopened.getByRole('heading', { level: 1 })).toHaveText(heading!);
	const now = await secondsLeft(reopened);
	expect(Math.abs(now - left), `left ${left}, resumed at ${now}`).toBeLessThanOrEqual(1);
	// Paused until the person goes on: the time left stays.
	await reopened.clock.runFor(5_000);
	expect(await secondsLeft(reopened)).toBe(now);
	await reopened.getByRole('button', { name: 'Resume' }).click();
	await reopened.clock.runFor(3_000);
	expect(await secondsLeft(reopened)).toBeLessThan(now);
});

test('discarding the waiting routine on Today offers a fresh start', async ({ page, context }) => {
	await startRoutine(page);
	await page.clock.runFor(3_000);
	await page.waitForTimeout(300);
	await page.close({ runBeforeUnload: false });
	const reopened = await context.newPage();
	await reopened.clock.install({ time: new Date(MONDAY_8AM.getTime() + 60_000) });
	await open(reopened, '/');
	await reopened.getByRole('button', { name: 'Discard it' }).click();
	await expect(reopened.getByRole('button', { name: 'Start routine' })).toBeVisible();
	await expect(reopened.getByRole('link', { name: 'Resume routine' })).toHaveCount(0);
});

test('ending early asks about pain and still records what was done', async ({ page }) => {
	await startRoutine(page);
	await page.clock.runFor(12_000);
	await page.getByRole('button', { name: 'End routine' }).click();
	await page.getByRole('button', { name: 'End: it hurt' }).click();
	await expect(page.getByRole('heading', { name: 'How did that feel?' })).toBeVisible();
	await saveCheckIn(page, 4);
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
	await expect(page.getByText('Gentle warm-up: stopped for pain')).toBeVisible();
	await expect(page.getByText('Seated twist (left): not finished')).toBeVisible();
});

test('low pain advances one step the next day, with the reason in plain words', async ({
	page
}) => {
	// Whole routines, now with time to change position and to read: longer than the default.
	test.setTimeout(120_000);
	await startRoutine(page);
	await playWholeRoutine(page);
	await saveCheckIn(page, 1);
	await expect(page.getByRole('heading', { name: 'Well done' })).toBeVisible();
	await expect(
		page.getByText(/turn a little further than last time \(about 16°\)/).first()
	).toBeVisible();

	await nextMorning(page, 'About the same');
	const twist = page.getByRole('listitem').filter({ hasText: 'Seated twist' });
	// The range as the player says it: how it should feel, then the number.
	await expect(twist).toContainText(
		'Turn until you feel a gentle stretch, a little further than your first day (about 16°)'
	);
	await expect(twist).toContainText(
		'1/10 pain yesterday, and on Tuesday morning your back felt the same: turn a little further than last time (about 16°)'
	);
});

test('pain of 6 steps back a step the next day', async ({ page }) => {
	// Whole routines, now with time to change position and to read: longer than the default.
	test.setTimeout(120_000);
	await startRoutine(page);
	await playWholeRoutine(page);
	await saveCheckIn(page, 1);
	await nextMorning(page, 'Better');
	await page.getByRole('button', { name: /^Start routine/ }).click();
	await playWholeRoutine(page);
	await saveCheckIn(page, 6);
	await nextMorning(page, 'About the same');
	const twist = page.getByRole('listitem').filter({ hasText: 'Seated twist' });
	await expect(twist).toContainText('Turn until you feel a gentle stretch (about 15°)');
	await expect(twist).toContainText(
		'6/10 pain yesterday: turn not quite as far as last time (about 15°) to let it settle'
	);
});

test('pain of 8 shows the clinician advice and stops the next day’s routine', async ({ page }) => {
	// Whole routines, now with time to change position and to read: longer than the default.
	test.setTimeout(120_000);
	await startRoutine(page);
	await playWholeRoutine(page);
	await saveCheckIn(page, 8);
	await expect(page.getByRole('alert')).toContainText('Stop the exercises and see a clinician');
	await page.clock.runFor(24 * 3_600_000);
	await open(page, '/');
	await expect(page.getByRole('alert')).toContainText('see a clinician');
	await expect(page.getByRole('button', { name: /^Start routine/ })).toHaveCount(0);
});

test('“too much” mid-hold ends the hold and lowers the next day’s dose for that side only', async ({
	page
}) => {
	// Whole routines, now with time to change position and to read: longer than the default.
	test.setTimeout(120_000);
	await startRoutine(page);
	// Through the warm-up to the seated twist's left hold.
	for (let i = 0; i < 20; i++) {
		if (
			(await page.getByRole('heading', { level: 1 }).textContent()) === 'Seated twist' &&
			(await page.locator('.phase').textContent())?.includes('Left side')
		)
			break;
		await page.getByRole('button', { name: 'Skip' }).click();
	}
	await page.clock.runFor(3_000);
	await page.getByRole('button', { name: /^Too much/ }).click();
	await expect(
		page.getByText('Next time Seated twist on the left side goes down a step.')
	).toBeVisible();
	// It stops and asks; resting waits at the switch of side until Resume.
	await page.getByRole('button', { name: /^Rest a moment/ }).click();
	await expect(page.locator('.phase')).toContainText('Switch side');
	await page.getByRole('button', { name: 'Resume' }).click();
	await playWholeRoutine(page);
	await saveCheckIn(page, 1);
	await nextMorning(page, 'About the same');
	const twist = page.getByRole('listitem').filter({ hasText: 'Seated twist' });
	// Left stays at the start (already the gentlest); right goes up a step.
	await expect(twist).toContainText('Left side: Turn until you feel a gentle stretch (about 15°)');
	await expect(twist).toContainText(
		'Right side: Turn until you feel a gentle stretch, a little further than your first day (about 16°)'
	);
	await expect(twist).toContainText('You said “too much” during it yesterday');
});

test('two painful days start flare care with the gentle routine only; two comfortable days end it', async ({
	page
}) => {
	test.setTimeout(120_000);
	for (const pain of [6, 7]) {
		await startRoutine(page);
		await playWholeRoutine(page);
		await saveCheckIn(page, pain);
		await page.clock.runFor(24 * 3_600_000);
		await open(page, '/');
		await page.getByRole('radio', { name: 'About the same' }).check();
		await page.getByRole('button', { name: 'Save answer' }).click();
	}
	await expect(page.getByRole('heading', { name: 'Flare care' })).toBeVisible();
	const doses = page.getByRole('heading', { level: 3 });
	await expect(doses).toHaveText([
		'Gentle warm-up',
		'Seated twist',
		'Lying knee drop',
		'Knee to chest'
	]);

	// A comfortable session, then a comfortable morning: the whole routine is back.
	await startRoutine(page);
	await playWholeRoutine(page);
	await saveCheckIn(page, 1);
	await nextMorning(page, 'Better');
	await expect(page.getByRole('heading', { name: 'Flare care' })).toHaveCount(0);
	await expect(doses).toHaveCount(7);
});

test('while getting ready the figure is the still start pose, and it moves once the work starts', async ({
	page
}) => {
	// Scripts the page has fetched that hold lottie-web (its code names its old name, bodymovin).
	const lottieFetched: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		const body = await response.text().catch(() => '');
		if (body.includes('bodymovin')) lottieFetched.push(response.url());
	});
	await startRoutine(page);
	await expect(page.getByRole('timer')).toHaveAccessibleName(/get ready/i);
	const box = page.locator('.figure .figure-box');
	await expect(box).toHaveAttribute('data-state', 'start');
	// One figure standing in its start pose on its mat, not the moving one.
	const still = box.locator('.start svg.figure-still');
	await expect(still).toBeVisible();
	await expect(still.locator('.figure-mat')).toHaveCount(1);
	await expect(still.locator('circle.figure-skin[r="10.5"]')).toHaveCount(1);
	await page.clock.runFor(3_000);
	await page.waitForTimeout(500);
	await expect(page.getByRole('timer')).toHaveAccessibleName(/get ready/i);
	await expect(box).toHaveAttribute('data-state', 'start');
	await expect(box.locator('.player svg')).toHaveCount(0);
	expect(lottieFetched).toEqual([]);

	await page.getByRole('button', { name: 'Skip' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gentle warm-up: Pelvic tilts');
	await expect(box).toHaveAttribute('data-state', 'playing');
	await expect(box.locator('.player svg')).toBeVisible();
	await expect(box.locator('.start')).toHaveCount(0);
	const frame = Number(await box.getAttribute('data-frame'));
	await page.clock.runFor(2_000);
	await expect.poll(async () => Number(await box.getAttribute('data-frame'))).not.toBe(frame);
	expect(lottieFetched).not.toEqual([]);
});
