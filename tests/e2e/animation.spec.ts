import { expect, test, type Locator, type Page } from '@playwright/test';
import { open } from './support/app';

/** The animated figure on an exercise page, and what it exposes for tests. */
function figureOf(page: Page) {
	const box = page.locator('.figure-box');
	return {
		box,
		frame: async () => Number(await box.getAttribute('data-frame')),
		/** Where lottie-web has put the head, in composition units (400 × 300). */
		head: async () => partPosition(box, 'head'),
		part: (name: string) => box.locator(`.player .part-${name}`).getAttribute('transform')
	};
}

async function partPosition(box: Locator, name: string): Promise<{ x: number; y: number }> {
	const transform = (await box.locator(`.player .part-${name}`).getAttribute('transform')) ?? '';
	const numbers = transform.match(/-?[\d.]+(e-?\d+)?/g)?.map(Number) ?? [];
	expect(numbers, `a matrix transform, got "${transform}"`).toHaveLength(6);
	return { x: numbers[4]!, y: numbers[5]! };
}

test.describe('the exercise animation', () => {
	test('plays: the frames advance and the figure moves, in a box that keeps its size', async ({
		page
	}) => {
		await open(page, '/exercises/bird-dog');
		const figure = figureOf(page);
		await expect(figure.box).toHaveAttribute('aria-hidden', 'true');
		const before = await figure.box.boundingBox();
		await expect(figure.box).toHaveAttribute('data-state', 'playing');
		await expect(figure.box.locator('.player svg')).toBeVisible();
		await expect(figure.box.locator('.still')).toBeHidden();

		const firstFrame = await figure.frame();
		await expect.poll(figure.frame).toBeGreaterThan(firstFrame + 10);
		// The reaching arm turns as the loop goes on.
		const arm = await figure.part('upperArmR');
		await expect.poll(() => figure.part('upperArmR')).not.toBe(arm);
		// The still that stood in before lottie-web loaded had the same size: no layout shift.
		expect(await figure.box.boundingBox()).toEqual(before);
	});

	test('pauses with the Pause control and carries on with Play', async ({ page }) => {
		await open(page, '/exercises/hip-bridge');
		const figure = figureOf(page);
		await expect(figure.box).toHaveAttribute('data-state', 'playing');
		await expect.poll(figure.frame).toBeGreaterThan(5);

		await page.getByRole('button', { name: 'Pause animation' }).click();
		await expect(figure.box).toHaveAttribute('data-state', 'paused');
		const pausedFrame = await figure.frame();
		const pausedHead = await figure.head();
		await page.waitForTimeout(800);
		expect(await figure.frame()).toBe(pausedFrame);
		expect(await figure.head()).toEqual(pausedHead);

		await page.getByRole('button', { name: 'Play animation' }).click();
		await expect(figure.box).toHaveAttribute('data-state', 'playing');
		await expect.poll(figure.frame).not.toBe(pausedFrame);
	});

	test('mirrors the figure for the other side', async ({ page }) => {
		await open(page, '/exercises/knee-to-chest');
		const figure = figureOf(page);
		await expect(figure.box).toHaveAttribute('data-state', 'playing');
		await page.getByRole('button', { name: 'Pause animation' }).click();
		// The left side first, as the routine does it.
		await expect(figure.box).toHaveAttribute('data-side', 'left');
		const left = await figure.head();
		const frame = await figure.frame();

		await page.getByRole('radio', { name: 'Right side' }).check();
		await expect(figure.box).toHaveAttribute('data-side', 'right');
		await expect(figure.box).toHaveAttribute('data-state', 'paused');
		expect(await figure.frame()).toBe(frame);
		const right = await figure.head();
		// Seen from the side, the other side is the same figure turned round: the head swaps ends.
		expect(Math.abs(right.x - 200)).toBeGreaterThan(50);
		expect(left.x + right.x).toBeCloseTo(400, 0);
		expect(left.y).toBeCloseTo(right.y, 0);
	});

	test('shows a still of the target pose when the system asks for reduced motion', async ({
		page
	}) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await open(page, '/exercises/plank');
		const figure = figureOf(page);
		await expect(figure.box).toHaveAttribute('data-state', 'still');
		await expect(figure.box.locator('.still svg')).toBeVisible();
		await page.waitForTimeout(500);
		await expect(figure.box.locator('.player svg')).toHaveCount(0);
		expect(await figure.frame()).toBe(0);
	});

	test('the exercise library lists every exercise and links to its page', async ({ page }) => {
		await open(page, '/exercises');
		await expect(page.getByRole('heading', { level: 1, name: 'Exercises' })).toBeVisible();
		await expect(page.getByRole('main').getByRole('listitem')).toHaveCount(7);
		await page.getByRole('link', { name: /Lying knee drop/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Lying knee drop' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'When to stop' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Your dose today' })).toBeVisible();
	});
});
