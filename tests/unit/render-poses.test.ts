import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import { clearance, solvePose, targetPose } from '../../src/lib/animation/pose.ts';
import { frameFor } from '../../src/lib/animation/figure.ts';
import { poseToSvg } from '../../src/lib/animation/still.ts';

/**
 * Not a check: renders every pose to PNG under /tmp/poses so a person can look at them.
 * Run with RENDER_POSES=1 npx vitest run tests/unit/render-poses.test.ts
 */
const OUT = '/tmp/poses';

describe.skipIf(!process.env.RENDER_POSES)('pose renders for the eye', () => {
	test('writes a PNG per exercise', () => {
		mkdirSync(OUT, { recursive: true });
		const { exercises } = loadRoutesData('routes-data');
		for (const exercise of exercises) {
			const animations = [
				{ id: exercise.id, animation: exercise.animation },
				...(exercise.movements ?? []).map((m) => ({
					id: `${exercise.id}-${m.id}`,
					animation: m.animation
				}))
			];
			for (const { id, animation } of animations) {
				const views = process.env.RENDER_VIEWS
					? (process.env.RENDER_VIEWS.split(',') as ('side' | 'front' | 'top')[])
					: [animation.view];
				const cells: string[] = [];
				for (const view of views) {
					const poses = [0, 0.5, 1].map((f) => targetPose(animation, f));
					const frame = frameFor(poses, view, exercise.sides === 'per-side');
					for (const [i, pose] of poses.entries()) {
						cells.push(
							`<figure>${poseToSvg(pose, view, { frame })}<figcaption>${view} ${[0, 50, 100][i]}% gap ${clearance(solvePose(pose)).toFixed(1)}</figcaption></figure>`
						);
					}
					if (exercise.sides === 'per-side') {
						cells.push(
							`<figure>${poseToSvg(poses[2]!, view, { frame, mirrored: true })}<figcaption>${view} other side</figcaption></figure>`
						);
					}
				}
				const html = `<!doctype html><style>body{margin:0;font:14px sans-serif;display:grid;grid-template-columns:repeat(4,300px);gap:6px;background:#fff}figure{margin:0;border:1px solid #ccc}svg{width:300px;height:225px;display:block}</style><h1 style="grid-column:1/-1;margin:4px;font-size:16px">${id}</h1>${cells.join('')}`;
				writeFileSync(`${OUT}/${id}.html`, html);
				const rows = Math.ceil(cells.length / 4);
				execFileSync(
					'/usr/bin/chromium',
					[
						'--headless',
						'--no-sandbox',
						'--disable-gpu',
						'--hide-scrollbars',
						`--screenshot=${OUT}/${id}.png`,
						`--window-size=1230,${40 + rows * 260}`,
						`file://${OUT}/${id}.html`
					],
					{ stdio: 'ignore' }
				);
			}
		}
	}, 120_000);
});
