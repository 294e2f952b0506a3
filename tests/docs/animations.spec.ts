import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import type { Exercise } from '../../src/lib/core/definitions.ts';
import { prescription } from '../../src/lib/core/dose.ts';
import {
	animationToLottie,
	holdFrames,
	type AnimationSide
} from '../../src/lib/animation/lottie.ts';
import { animationFor, loopTiming, rangeFractionAt } from '../../src/lib/animation/loop.ts';

/**
 * The pictures in docs/animations/: every exercise's figure as lottie-web draws it in Chromium on
 * a phone-sized page, at the start pose and at the end pose for the starting range and the full
 * range. Run: npx playwright test -c playwright.docs.config.ts tests/docs/animations.spec.ts
 */

const OUT = 'docs/animations';
const { exercises } = loadRoutesData('routes-data');

interface Shot {
	file: string;
	caption: string;
	exercise: Exercise;
	movementId?: string;
	side: AnimationSide;
	rangeFraction: number;
	pose: 'start' | 'end';
}

function shotsFor(exercise: Exercise): Shot[] {
	const side: AnimationSide = exercise.sides === 'per-side' ? 'right' : 'both';
	const low = rangeFractionAt(exercise, 0);
	const hasRange = exercise.dials.some((d) => d.kind === 'range');
	const percent = (f: number) => `${Math.round(f * 100)} % of the range`;
	if (exercise.movements) {
		return exercise.movements.flatMap((m) =>
			(['start', 'end'] as const).map((pose) => ({
				file: `${exercise.id}-${m.id}-${pose}`,
				caption: `${exercise.name}: ${m.name}, ${pose} pose`,
				exercise,
				movementId: m.id,
				side,
				rangeFraction: 1,
				pose
			}))
		);
	}
	const shots: Shot[] = [
		{
			file: `${exercise.id}-start`,
			caption: `${exercise.name}, start pose`,
			exercise,
			side,
			rangeFraction: low,
			pose: 'start'
		}
	];
	if (hasRange) {
		shots.push({
			file: `${exercise.id}-end-low`,
			caption: `${exercise.name}, end pose at the starting dose (${percent(low)})`,
			exercise,
			side,
			rangeFraction: low,
			pose: 'end'
		});
	}
	shots.push({
		file: `${exercise.id}-end-full`,
		caption: `${exercise.name}, end pose at the full range${hasRange ? '' : ' (no range dial)'}`,
		exercise,
		side,
		rangeFraction: 1,
		pose: 'end'
	});
	if (exercise.sides === 'per-side') {
		shots.push({
			file: `${exercise.id}-end-full-left`,
			caption: `${exercise.name}, end pose at the full range, left side`,
			exercise,
			side: 'left',
			rangeFraction: 1,
			pose: 'end'
		});
	}
	return shots;
}

const PAGE = `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><style>
	body { margin: 0; font: 16px system-ui, sans-serif; background: #f6f3ee; color: #1b1d21; }
	figure { margin: 12px; }
	figcaption { font-weight: 700; margin-bottom: 8px; }
	.box { width: 336px; aspect-ratio: 4 / 3; background: #fff; border-radius: 14px; overflow: hidden; }
	.box svg { display: block; width: 100%; height: 100%; }
</style></head><body><figure id="shot"><figcaption></figcaption><div class="box"></div></figure></body></html>`;

// Sharp on a phone screen, without making the repository heavy.
test.use({ deviceScaleFactor: 2 });

test('figures of every exercise for docs/animations', async ({ page }) => {
	mkdirSync(OUT, { recursive: true });
	await page.setViewportSize({ width: 360, height: 740 });
	await page.setContent(PAGE);
	await page.addScriptTag({ path: 'node_modules/lottie-web/build/player/lottie_light.min.js' });
	for (const shot of exercises.flatMap(shotsFor)) {
		const timing = loopTiming(
			shot.exercise,
			prescription(shot.exercise, 0).holdSeconds,
			shot.movementId
		);
		const data = animationToLottie(animationFor(shot.exercise, shot.movementId), {
			rangeFraction: shot.rangeFraction,
			side: shot.side,
			perSide: shot.exercise.sides === 'per-side',
			timing,
			name: shot.exercise.id
		});
		const frame = shot.pose === 'start' ? 0 : holdFrames(timing).reached;
		await page.evaluate(
			({ data, frame, caption }) => {
				const box = document.querySelector('.box')!;
				box.replaceChildren();
				document.querySelector('figcaption')!.textContent = caption;
				const lottie = (window as unknown as { lottie: import('lottie-web').LottiePlayer }).lottie;
				lottie.destroy();
				const item = lottie.loadAnimation({
					container: box,
					renderer: 'svg',
					loop: false,
					autoplay: false,
					animationData: data
				});
				item.goToAndStop(frame, true);
			},
			{ data, frame, caption: shot.caption }
		);
		await page.locator('#shot').screenshot({ path: `${OUT}/${shot.file}.png` });
	}
});
