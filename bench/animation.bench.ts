import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { bench, describe } from 'vitest';
import { loadRoutesData } from '../scripts/routes-data.ts';
import type { Exercise } from '../src/lib/core/content/definitions.ts';
import { prescription } from '../src/lib/core/progression/dose.ts';
import { animationToLottie, type LottieAnimation } from '../src/lib/animation/lottie.ts';
import { animationFor, loopTiming, rangeFractionAt } from '../src/lib/animation/loop.ts';
import { targetPose } from '../src/lib/animation/pose.ts';
import { poseToSvg } from '../src/lib/animation/still.ts';

/**
 * Figures for the animation, printed and never asserted:
 *   npx vitest bench --run bench/animation.bench.ts   (after `npm run build` for the bundle check)
 * - the generator's time per exercise (vitest's table),
 * - the size of each figure: Lottie JSON bytes, layers, keyframes, and the SVG nodes lottie-web
 *   builds in Chromium, next to the nodes of the still picture,
 * - whether lottie-web is in the JavaScript a page loads up front.
 */

const { exercises } = loadRoutesData('routes-data');

interface Case {
	id: string;
	exercise: Exercise;
	movementId?: string;
}
const cases: Case[] = exercises.flatMap((exercise) => [
	{ id: exercise.id, exercise },
	...(exercise.movements ?? []).map((m) => ({
		id: `${exercise.id}/${m.id}`,
		exercise,
		movementId: m.id
	}))
]);

function generate({ exercise, movementId }: Case): LottieAnimation {
	return animationToLottie(animationFor(exercise, movementId), {
		rangeFraction: rangeFractionAt(exercise, 0),
		side: exercise.sides === 'per-side' ? 'right' : 'both',
		perSide: exercise.sides === 'per-side',
		timing: loopTiming(exercise, prescription(exercise, 0).holdSeconds, movementId),
		name: exercise.id
	});
}

function keyframeCount(data: LottieAnimation): number {
	let count = 0;
	JSON.stringify(data, (key, value) => {
		if (
			key === 'k' &&
			Array.isArray(value) &&
			value.length > 0 &&
			typeof value[0] === 'object' &&
			't' in value[0]
		) {
			count += value.length;
		}
		return value;
	});
	return count;
}

/** Elements lottie-web's SVG renderer builds for each animation, counted in Chromium. */
async function lottieNodeCounts(animations: LottieAnimation[]): Promise<number[] | string> {
	const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
	let browser;
	try {
		browser = await chromium.launch({ executablePath });
	} catch (error) {
		return `no browser (${(error as Error).message.split('\n')[0]})`;
	}
	try {
		const page = await browser.newPage();
		await page.setContent('<!doctype html><div id="box" style="width:360px;height:270px"></div>');
		await page.addScriptTag({ path: 'node_modules/lottie-web/build/player/lottie_light.min.js' });
		return await page.evaluate((list) => {
			const lottie = (window as unknown as { lottie: import('lottie-web').LottiePlayer }).lottie;
			const box = document.getElementById('box')!;
			return list.map((data) => {
				box.replaceChildren();
				const item = lottie.loadAnimation({
					container: box,
					renderer: 'svg',
					loop: false,
					autoplay: false,
					animationData: data
				});
				item.goToAndStop(0, true);
				const count = box.querySelectorAll('svg, svg *').length;
				item.destroy();
				return count;
			});
		}, animations);
	} finally {
		await browser.close();
	}
}

/** JavaScript files a prerendered page loads before anything is asked for: SvelteKit's entry
 * points, the page's nodes, and everything they import statically. */
function staticClosure(client: string, html: string): Set<string> {
	const immutable = join(client, '_app/immutable');
	const entries = [
		...html.matchAll(/import\("\.{0,2}\/?(?:\.\.\/)*_app\/immutable\/(entry\/[^"]+\.js)"\)/g)
	].map((m) => m[1]!);
	const nodeIds =
		/node_ids:\s*\[([\d,\s]+)\]/
			.exec(html)?.[1]
			?.split(',')
			.map((s) => s.trim()) ?? [];
	const nodeFiles = readdirSync(join(immutable, 'nodes'));
	const start = [
		...entries,
		...nodeIds.map((id) => `nodes/${nodeFiles.find((f) => f.startsWith(`${id}.`))}`)
	];
	const seen = new Set<string>();
	const queue = [...start];
	while (queue.length > 0) {
		const file = queue.pop()!;
		if (seen.has(file)) continue;
		seen.add(file);
		const source = readFileSync(join(immutable, file), 'utf8');
		const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
		// Static imports only: `import ... from "./x.js"` and `import "./x.js"`, not import("./x.js").
		for (const match of source.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
			const target = join(folder, match[1]!).replace(/\\/g, '/');
			queue.push(target);
		}
	}
	return seen;
}

function bundleReport(): string[] {
	const client = 'build';
	if (!existsSync(join(client, '_app/immutable/chunks')))
		return ['  (no build/ folder: run `npm run build` first)'];
	const chunks = readdirSync(join(client, '_app/immutable/chunks'));
	// lottie-web names the elements it creates with this prefix; no other library does.
	const lottieChunks = chunks
		.filter((file) =>
			readFileSync(join(client, '_app/immutable/chunks', file), 'utf8').includes(
				'__lottie_element_'
			)
		)
		.map((file) => `chunks/${file}`);
	const lines = [`  lottie-web chunk(s): ${lottieChunks.join(', ') || 'none found'}`];
	const pages: [string, string][] = [
		['/ (Today)', 'index.html'],
		['/exercises', 'exercises.html'],
		['/exercises/plank', 'exercises/plank.html']
	];
	for (const [name, file] of pages) {
		const path = join(client, file);
		if (!existsSync(path)) {
			lines.push(`  ${name}: not built`);
			continue;
		}
		const closure = staticClosure(client, readFileSync(path, 'utf8'));
		const bytes = [...closure].reduce(
			(sum, f) => sum + readFileSync(join(client, '_app/immutable', f)).length,
			0
		);
		const upFront = lottieChunks.some((chunk) => closure.has(chunk));
		lines.push(
			`  ${name}: ${closure.size} JS files, ${(bytes / 1024).toFixed(1)} KiB up front; lottie-web ${upFront ? 'IS loaded up front' : 'not loaded up front'}`
		);
	}
	return lines;
}

const animations = cases.map(generate);
const nodeCounts = await lottieNodeCounts(animations);
const report = ['', 'Animation figures (starting dose, right side)', ''];
report.push(
	'  exercise                  JSON bytes  layers  keyframes  frames  lottie SVG nodes  still SVG nodes'
);
cases.forEach((c, index) => {
	const data = animations[index]!;
	const animation = animationFor(c.exercise, c.movementId);
	const still = poseToSvg(targetPose(animation, rangeFractionAt(c.exercise, 0)), animation.view);
	const stillNodes = still.match(/<[a-z]/g)?.length ?? 0;
	const lottieNodes = typeof nodeCounts === 'string' ? '-' : String(nodeCounts[index]);
	report.push(
		`  ${c.id.padEnd(26)}${String(JSON.stringify(data).length).padStart(10)}${String(data.layers.length).padStart(8)}${String(keyframeCount(data)).padStart(11)}${String(data.op).padStart(8)}${lottieNodes.padStart(18)}${String(stillNodes).padStart(17)}`
	);
});
if (typeof nodeCounts === 'string') report.push(`  lottie SVG nodes: ${nodeCounts}`);
report.push('', 'Bundle check', ...bundleReport(), '');
console.log(report.join('\n'));

describe('Lottie generator, one exercise at its starting dose', () => {
	for (const c of cases) {
		bench(c.id, () => {
			generate(c);
		});
	}
});
