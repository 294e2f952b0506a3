import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import { open } from './support/app';

const { exercises } = loadRoutesData('routes-data');
/** Exercises whose dose has a range (degrees or centimetres), and today's number at the start. */
const withRange = exercises.flatMap((e) => {
	const range = e.dials.find((d) => d.kind === 'range');
	return range && !e.movements ? [{ id: e.id, start: range.start, unit: range.unit }] : [];
});

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

	for (const exercise of exercises.filter((e) => e.sides === 'per-side')) {
		test(`${exercise.name}: the figure is mirrored for each side, and the side is named`, async ({
			page
		}) => {
			await open(page, `/exercises/${exercise.id}`);
			const figure = figureOf(page);
			await expect(figure.box).toHaveAttribute('data-state', 'playing');
			await page.getByRole('button', { name: 'Pause animation' }).click();
			// The left side first, as the routine does it.
			await expect(figure.box).toHaveAttribute('data-side', 'left');
			await expect(figure.box.locator('.tag.side')).toHaveText('Left side');
			const parts = ['head', 'handR', 'handL', 'nose'];
			const where = () => Promise.all(parts.map((part) => partPosition(figure.box, part)));
			const frame = await figure.frame();

			await page.getByRole('radio', { name: 'Right side' }).check();
			await expect(figure.box).toHaveAttribute('data-side', 'right');
			await expect(figure.box).toHaveAttribute('data-state', 'paused');
			await expect(figure.box.locator('.tag.side')).toHaveText('Right side');
			expect(await figure.frame()).toBe(frame);
			const right = await where();
			// Back to the left at the same whole frame (a paused loop may sit between two frames).
			await page.getByRole('radio', { name: 'Left side' }).check();
			await expect(figure.box.locator('.tag.side')).toHaveText('Left side');
			const left = await where();
			// The other side is the mirror image: each part is as far left as it was right.
			expect(Math.max(...right.map((p) => Math.abs(p.x - 200)))).toBeGreaterThan(20);
			right.forEach((r, i) => {
				expect(left[i]!.x + r.x).toBeCloseTo(400, 0);
				expect(left[i]!.y).toBeCloseTo(r.y, 0);
			});
		});
	}

	test('under reduced motion shows the start and today’s end side by side with an arrow between', async ({
		page
	}) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await open(page, '/exercises/plank');
		const figure = figureOf(page);
		await expect(figure.box).toHaveAttribute('data-state', 'still');
		const pair = figure.box.locator('.still svg.figure-pair');
		await expect(pair).toBeVisible();
		// Two figures (each has one head), one arrow between them.
		await expect(pair.locator('circle.figure-skin[r="10.5"]')).toHaveCount(2);
		await expect(pair.locator('.figure-pair-arrow')).toHaveCount(1);
		const [start, end] = await pair
			.locator('svg')
			.evaluateAll((pictures) => pictures.map((picture) => picture.innerHTML));
		expect(end).not.toBe(start);
		// The pair is wider than the moving picture: nothing in it is squeezed.
		const box = (await figure.box.boundingBox())!;
		expect(box.width / box.height).toBeGreaterThan(2.2);
		await page.waitForTimeout(500);
		await expect(figure.box.locator('.player svg')).toHaveCount(0);
		expect(await figure.frame()).toBe(0);
	});

	for (const exercise of exercises) {
		test(`${exercise.name}: the figure moves over a loop`, async ({ page }) => {
			await open(page, `/exercises/${exercise.id}`);
			const figure = figureOf(page);
			await expect(figure.box).toHaveAttribute('data-state', 'playing');
			const picture = () => figure.box.locator('.player svg').innerHTML();
			const first = await picture();
			await expect.poll(picture, { timeout: 10_000 }).not.toBe(first);
			// The arrow along the movement shows on the first loop.
			await expect(figure.box.locator('.player .part-arrow')).toHaveCount(1);
		});
	}

	for (const { id, start, unit } of withRange) {
		test(`${id}: the ghost of today’s target and today’s ${start} ${unit} are shown`, async ({
			page
		}) => {
			await open(page, `/exercises/${id}`);
			const figure = figureOf(page);
			await expect(figure.box).toHaveAttribute('data-state', 'playing');
			// The ghost is a whole figure: a head and two hands at least.
			await expect(figure.box.locator('.player .figure-ghost')).not.toHaveCount(0);
			await expect(figure.box.locator('.player .part-ghost-head')).toHaveCount(1);
			await expect(figure.box.locator('.player .part-trail')).toHaveCount(1);
			const number = unit === 'deg' ? `${start}°` : `${start} cm`;
			await expect(figure.box.locator('.tag.target')).toHaveText(number);
		});
	}

	test('an exercise without a range has no target number or trail, but still its ghost', async ({
		page
	}) => {
		await open(page, '/exercises/plank');
		const figure = figureOf(page);
		await expect(figure.box).toHaveAttribute('data-state', 'playing');
		await expect(figure.box.locator('.player .part-ghost-head')).toHaveCount(1);
		await expect(figure.box.locator('.player .part-trail')).toHaveCount(0);
		await expect(figure.box.locator('.tag.target')).toHaveCount(0);
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
