// @ts-check
/**
 * Renders the app's icons from one SVG source (scripts/icon.svg) into static/icons, before every
 * build and dev server (`prebuild`, `predev`). static/icons is generated, not committed.
 *
 *   icon-192.png, icon-512.png          "any": the source with rounded corners
 *   maskable-192.png, maskable-512.png  "maskable": the full-bleed source; its drawing stays in the
 *                                       safe zone, so the platform's mask never cuts it
 *   apple-touch-icon.png (180)          full bleed: iOS rounds the corners itself
 *   icon.svg                            the rounded source, as the favicon
 */
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sourcePath = join(root, 'scripts/icon.svg');
const outDir = join(root, 'static/icons');

const source = readFileSync(sourcePath, 'utf8');
const rounded = withRoundedCorners(source);

/** @type {{ file: string; svg: string; size?: number }[]} */
const outputs = [
	{ file: 'icon-192.png', svg: rounded, size: 192 },
	{ file: 'icon-512.png', svg: rounded, size: 512 },
	{ file: 'maskable-192.png', svg: source, size: 192 },
	{ file: 'maskable-512.png', svg: source, size: 512 },
	{ file: 'apple-touch-icon.png', svg: source, size: 180 },
	{ file: 'icon.svg', svg: rounded }
];

if (upToDate()) {
	console.log('icons: up to date');
} else {
	mkdirSync(outDir, { recursive: true });
	for (const { file, svg, size } of outputs) {
		const bytes = size
			? new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
			: Buffer.from(svg);
		writeFileSync(join(outDir, file), bytes);
	}
	console.log(`icons: wrote ${outputs.map((o) => o.file).join(', ')} to static/icons`);
}

/**
 * The source's drawing inside a rounded square, transparent at the corners.
 * @param {string} svg
 */
function withRoundedCorners(svg) {
	const open = svg.match(/<svg[^>]*>/);
	const close = svg.lastIndexOf('</svg>');
	if (!open || open.index === undefined || close < 0) {
		throw new Error(`${sourcePath}: expected one <svg> element`);
	}
	const drawing = svg.slice(open.index + open[0].length, close);
	return [
		open[0],
		'<defs><clipPath id="rounded"><rect width="512" height="512" rx="112" /></clipPath></defs>',
		`<g clip-path="url(#rounded)">${drawing}</g>`,
		'</svg>\n'
	].join('\n');
}

/** Skips the work when every output is newer than the source and this script. */
function upToDate() {
	const newest = Math.max(
		statSync(sourcePath).mtimeMs,
		statSync(fileURLToPath(import.meta.url)).mtimeMs
	);
	return outputs.every(({ file }) => {
		const path = join(outDir, file);
		return existsSync(path) && statSync(path).mtimeMs >= newest;
	});
}
