import { Resvg } from '@resvg/resvg-js';
import { describe, expect, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import type { Exercise } from '../../src/lib/core/content/definitions.ts';
import type { Pose } from '../../src/lib/core/content/pose-schema.ts';
import { animationFor, rangeFractionAt } from '../../src/lib/animation/loop.ts';
import { animationFrame } from '../../src/lib/animation/lottie.ts';
import { targetPose } from '../../src/lib/animation/pose.ts';
import { figureMarkup, svg } from '../../src/lib/animation/still.ts';
import type { AnimationDefinition } from '../../src/lib/core/content/pose-schema.ts';
import { hollowShape, type Frame } from '../../src/lib/animation/figure.ts';

/**
 * Whether the start and end pictures of each figure look different at phone size. Each pose is
 * drawn as the app draws it, in the figure's own fixed frame, as a silhouette PHONE_WIDTH pixels
 * wide (about the width one picture of the reduced-motion pair takes on a phone); the difference
 * is the share of the figure's pixels that change between the two pictures.
 */
const PHONE_WIDTH = 140;
const INK = '<style>line{stroke:#000;stroke-linecap:round}circle{fill:#000}</style>';

function silhouette(pose: Pose, animation: AnimationDefinition, frame: Frame): Uint8Array {
	const picture = svg(
		frame,
		INK + figureMarkup(pose, animation.view, { hollow: animation.hollow }),
		'figure-still'
	);
	const pixels = new Resvg(picture, { fitTo: { mode: 'width', value: PHONE_WIDTH } }).render()
		.pixels;
	const ink = new Uint8Array(pixels.length / 4);
	for (let i = 0; i < ink.length; i += 1) ink[i] = pixels[i * 4 + 3]! > 128 ? 1 : 0;
	return ink;
}

/** Pixels in one picture and not the other, as a share of the pixels in either. */
function pictureDifference(animation: AnimationDefinition, perSide: boolean, a: Pose, b: Pose) {
	const frame = animationFrame(animation, perSide);
	const one = silhouette(a, animation, frame);
	const other = silhouette(b, animation, frame);
	let either = 0;
	let changed = 0;
	for (let i = 0; i < one.length; i += 1) {
		if (one[i] || other[i]) either += 1;
		if (one[i] !== other[i]) changed += 1;
	}
	return changed / either;
}

const { exercises } = loadRoutesData('routes-data');
const cases: [string, Exercise, string | undefined][] = exercises.flatMap((exercise) => [
	[exercise.id, exercise, undefined] as [string, Exercise, undefined],
	...(exercise.movements ?? []).map(
		(m) => [`${exercise.id}/${m.id}`, exercise, m.id] as [string, Exercise, string]
	)
]);

/** Shares of changed pixels below which the two pictures read as the same one on a phone. */
const AT_TODAYS_DOSE = 0.15;
const AT_FULL_RANGE = 0.24;

describe('each pair of start and end pictures differs clearly at phone size', () => {
	test.each(cases)(
		'%s: start against today’s end and against the full range',
		(_, exercise, movementId) => {
			const animation = animationFor(exercise, movementId);
			const perSide = exercise.sides === 'per-side';
			// A warm-up movement has no range dial: today's end is its full range.
			const today = movementId ? 1 : rangeFractionAt(exercise, 0);
			const difference = (fraction: number) =>
				pictureDifference(animation, perSide, animation.start, targetPose(animation, fraction));
			expect(difference(today)).toBeGreaterThan(AT_TODAYS_DOSE);
			expect(difference(1)).toBeGreaterThan(AT_FULL_RANGE);
		}
	);

	test('two pictures of the same pose do not count as different, and a small shift barely does', () => {
		const animation = animationFor(
			exercises.find((e) => e.id === 'warm-up')!,
			'pelvic-tilt'
		);
		expect(pictureDifference(animation, false, animation.start, animation.start)).toBe(0);
		const nudged = {
			...animation.start,
			root: { ...animation.start.root, x: animation.start.root.x + 2 }
		};
		expect(pictureDifference(animation, false, animation.start, nudged)).toBeLessThan(
			AT_TODAYS_DOSE
		);
	});

	test('the pelvic tilt’s hollow under the low back shows at the start and is closed at the end', () => {
		const animation = animationFor(
			exercises.find((e) => e.id === 'warm-up')!,
			'pelvic-tilt'
		);
		expect(animation.hollow).toBe(true);
		const frame = animationFrame(animation, false);
		const pixels = PHONE_WIDTH / frame.width;
		/** The hollow's area in pixels of the phone-sized picture (the shoelace formula). */
		const area = (pose: Pose) => {
			const corners = hollowShape(pose, animation.view);
			let twice = 0;
			corners.forEach((p, i) => {
				const q = corners[(i + 1) % corners.length]!;
				twice += p.h * q.v - q.h * p.v;
			});
			return (Math.abs(twice) / 2) * pixels * pixels;
		};
		// At the start a patch of more than 25 × 4 pixels; at the end nothing a person could see.
		expect(area(animation.start)).toBeGreaterThan(100);
		expect(area(animation.end)).toBeLessThan(2);
	});
});
