// @ts-check
/**
 * Quality gate: the JavaScript and CSS each page loads on a first visit (empty cache, no service
 * worker yet), gzipped, against the budgets in bench/budgets.json. Lazy chunks the page fetches
 * once it runs (lottie-web in the player, workbox-window everywhere) count, and so does the CSS
 * inlined in the page's HTML (each <style>, gzipped); the service worker's own precaching, which
 * happens in the background afterwards, does not. Prints the figures and
 * exits non-zero over budget.
 *
 *   npm run build && npm run gate:size
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROME_FLAGS, CHROME_PATH, startPreview } from './preview.js';

/** @typedef {{ js: number; css: number }} Budget */
/** @type {{ default: Budget; pages: Record<string, Budget> }} */
const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));

const preview = await startPreview();
const browser = await chromium.launch({
	executablePath: CHROME_PATH,
	args: CHROME_FLAGS.filter((flag) => flag !== '--headless')
});
let over = false;
try {
	console.log(`JavaScript and CSS loaded on a first visit, gzipped (kB), ${preview.url}\n`);
	console.log(
		[
			'page'.padEnd(22),
			'JS'.padStart(8),
			'budget'.padStart(8),
			'CSS'.padStart(8),
			'budget'.padStart(8),
			'  files'
		].join('')
	);
	for (const path of prerenderedPages()) {
		const budget = budgets.pages[path] ?? budgets.default;
		const loaded = await firstVisit(path);
		const js = kB(loaded.js);
		const css = kB(loaded.css);
		const jsOver = js > budget.js;
		const cssOver = css > budget.css;
		over ||= jsOver || cssOver;
		console.log(
			[
				path.padEnd(22),
				js.toFixed(1).padStart(8),
				`${jsOver ? '> ' : ''}${budget.js}`.padStart(8),
				css.toFixed(1).padStart(8),
				`${cssOver ? '> ' : ''}${budget.css}`.padStart(8),
				`  ${loaded.files} (largest: ${loaded.largest})`
			].join('')
		);
	}
} finally {
	await browser.close();
	await preview.stop();
}
console.log(over ? '\nOver budget (bench/budgets.json).' : '\nEvery page is within its budget.');
process.exit(over ? 1 : 0);

/**
 * Opens the page in a fresh context, lets it start (and lazily load what it loads), and gzips
 * every script and stylesheet it fetched.
 * @param {string} path
 */
async function firstVisit(path) {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	/** @type {Map<string, { kind: 'js' | 'css'; bytes: number }>} */
	const files = new Map();
	/** @type {Promise<void>[]} */
	const reading = [];
	page.on('response', (response) => {
		const url = new URL(response.url());
		const kind = url.pathname.endsWith('.js') ? 'js' : url.pathname.endsWith('.css') ? 'css' : null;
		if (!kind || url.origin !== preview.url || files.has(url.pathname)) return;
		reading.push(
			response.body().then((body) => {
				files.set(url.pathname, { kind, bytes: gzipSync(body).length });
			})
		);
	});
	await page.goto(preview.url + path, { waitUntil: 'networkidle' });
	// Lazy chunks start in onMount and after the load event; give them a moment to arrive.
	await page.waitForTimeout(1000);
	await page.waitForLoadState('networkidle');
	await Promise.all(reading);
	// The page's own CSS rides inline in its HTML (svelte.config.js inlineStyleThreshold).
	const inlineCss = await page.evaluate(() =>
		[...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('')
	);
	if (inlineCss) files.set('(inline CSS)', { kind: 'css', bytes: gzipSync(inlineCss).length });
	await context.close();

	const sizes = [...files.entries()];
	const sum = (/** @type {'js' | 'css'} */ kind) =>
		sizes.filter(([, f]) => f.kind === kind).reduce((total, [, f]) => total + f.bytes, 0);
	const [largestPath, largestFile] = sizes.sort((a, b) => b[1].bytes - a[1].bytes)[0] ?? [
		'',
		{ bytes: 0 }
	];
	return {
		js: sum('js'),
		css: sum('css'),
		files: sizes.length,
		largest: `${largestPath.split('/').pop()} ${kB(largestFile.bytes).toFixed(1)}`
	};
}

/** @param {number} bytes */
function kB(bytes) {
	return bytes / 1000;
}

/** Every prerendered page in build/: `/`, `/history`, `/exercises/plank`… */
function prerenderedPages() {
	/** @param {string} dir @returns {string[]} */
	const html = (dir) =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) return entry.name === '_app' ? [] : html(path);
			return entry.name.endsWith('.html') ? [path] : [];
		});
	return html('build')
		.map((file) => '/' + relative('build', file).replace(/\.html$/, ''))
		.map((path) => (path === '/index' ? '/' : path.replace(/\/index$/, '')))
		.sort();
}
