import { mkdirSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { loadRoutesData } from './routes-data.ts';
import { animationFor, rangeFractionAt } from '../src/lib/animation/loop.ts';
import { animationFrame } from '../src/lib/animation/lottie.ts';
import { targetPose } from '../src/lib/animation/pose.ts';
import { pairSvg } from '../src/lib/animation/pair.ts';

/**
 * Quick stills of every animation without a browser build, for looking at while editing poses:
 *   npm run poses   (PNGs in /tmp/poses, all of them on /tmp/poses/sheet.png)
 * Each picture is the reduced-motion pair (start, arrow, end) at the starting dose and at the full
 * range. A tool for looking, not a test: it checks nothing.
 */
// resvg reads no custom properties: a plain copy of the light palette, for looking only.
const STYLE = `<style>
line { stroke-linecap: round } .figure-mat { fill: #d3e3da } .figure-shadow { fill: #000; opacity: .12 }
.figure-body { stroke: #3d6e91; fill: #3d6e91 } .figure-near-arm { stroke: #1f4259 } .figure-near-leg { stroke: #28313c }
.figure-far-arm { stroke: #a8c2d5 } .figure-skin { stroke: #d08c66 } .figure-far-skin { stroke: #efcfbb } .figure-far-leg { stroke: #b3bdc7 } .figure-skin { fill: #d08c66 } .figure-far-skin { fill: #efcfbb }
.figure-hair { fill: #47302a } .figure-shoulder-axis { stroke: #e0662f } .figure-hip-axis { stroke: #12917a }
.figure-trail, .figure-arrow { fill: none; stroke: #c2410c; stroke-width: 1.5 } .figure-trail { stroke-dasharray: 3 2 }
</style>`;

export function run(): void {
	const { exercises } = loadRoutesData('routes-data');
	mkdirSync('/tmp/poses', { recursive: true });
	const sheet: { svg: string; name: string }[] = [];
	for (const exercise of exercises) {
		const ids = exercise.movements?.map((m) => m.id) ?? [undefined];
		for (const id of ids) {
			const animation = animationFor(exercise, id);
			const frame = animationFrame(animation, exercise.sides === 'per-side');
			const rows = [rangeFractionAt(exercise, 0), 1].map((fraction) =>
				pairSvg(animation, targetPose(animation, fraction), {
					frame,
					axes: animation.axes
				})
			);
			sheet.push(...rows.map((svg) => ({ svg, name: `${exercise.id} ${id ?? ''}` })));
			for (const [index, svg] of rows.entries()) {
				const png = new Resvg(svg.replace(/^<svg([^>]*)>/, `<svg$1>${STYLE}`), {
					fitTo: { mode: 'width', value: 600 },
					background: '#ffffff',
					font: { loadSystemFonts: true }
				})
					.render()
					.asPng();
				writeFileSync(
					`/tmp/poses/${exercise.id}${id ? `-${id}` : ''}-${index ? 'full' : 'low'}.png`,
					png
				);
			}
		}
	}
	// All of them on one sheet, two pairs a row.
	const cell = { w: 600, h: 220 };
	const parts = sheet.map(({ svg, name }, i) => {
		const x = (i % 2) * cell.w;
		const y = Math.floor(i / 2) * cell.h;
		const inner = svg
			.replace(/^<svg([^>]*)>/, `<svg$1>${STYLE}`)
			.replace('<svg ', `<svg x="${x}" y="${y + 20}" width="${cell.w}" height="${cell.h - 20}" `);
		return `<text x="${x + 6}" y="${y + 16}" font-size="15" font-family="sans-serif">${name}</text>${inner}`;
	});
	const rows = Math.ceil(sheet.length / 2);
	const whole = `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * cell.w}" height="${rows * cell.h}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
	writeFileSync(
		'/tmp/poses/sheet.png',
		new Resvg(whole, { font: { loadSystemFonts: true } }).render().asPng()
	);
	console.log(`${sheet.length} pictures in /tmp/poses, all of them on /tmp/poses/sheet.png`);
}
