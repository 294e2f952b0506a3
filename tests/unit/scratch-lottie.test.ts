import { writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import { animationToLottie } from '../../src/lib/animation/lottie.ts';
import { loopTiming, rangeFractionAt } from '../../src/lib/animation/loop.ts';
import { prescription } from '../../src/lib/core/dose.ts';

test.skipIf(!process.env.SCRATCH)('gen', () => {
	const { exercises } = loadRoutesData('/work/main/routes-data', '/work/main');
	const out: Record<string, unknown> = {};
	for (const e of exercises) {
		const p = prescription(e, 0);
		for (const side of ['right', 'left'] as const) {
			out[`${e.id}-${side}`] = animationToLottie(e.animation, {
				rangeFraction: 1,
				side,
				perSide: e.sides === 'per-side',
				timing: loopTiming(e, Math.min(p.holdSeconds, 3)),
				name: e.id
			});
		}
	}
	writeFileSync('/tmp/lottie/data.js', 'window.DATA = ' + JSON.stringify(out));
	console.log(
		JSON.stringify(out['plank-right']).length,
		JSON.stringify(out['plank-right']).slice(0, 1500)
	);
});
