// @ts-check
/**
 * Quality gate: Lighthouse, mobile preset (its default: a mid-range phone on a slow 4G link,
 * simulated), on Today, the player and History, served by `vite preview`. Prints the scores and
 * exits non-zero when one is below its threshold.
 *
 *   npm run build && npm run gate:lighthouse
 *
 * LIGHTHOUSE_RUNS (5 when unset) runs per page; the median run by performance is kept, as
 * Lighthouse's own docs advise, since one run on a busy machine is noisy.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROME_FLAGS, CHROME_PATH, median, startPreview } from './preview.js';

const PAGES = ['/', '/play', '/history'];
const THRESHOLDS = { performance: 0.95, accessibility: 1, 'best-practices': 0.95 };
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);

const preview = await startPreview();
const chrome = await launchChrome();
let failed = false;
try {
	console.log(`Lighthouse ${RUNS}× per page, mobile preset, ${preview.url}\n`);
	console.log(['page'.padEnd(10), ...Object.keys(THRESHOLDS).map((c) => c.padStart(15))].join(''));
	for (const path of PAGES) {
		/** @type {{ performance: number; scores: Record<string, number> }[]} */
		const runs = [];
		for (let run = 0; run < RUNS; run++) {
			const result = await lighthouse(preview.url + path, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: Object.keys(THRESHOLDS)
			});
			if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
			const { categories, runtimeError } = result.lhr;
			if (runtimeError) throw new Error(`${path}: ${runtimeError.code} ${runtimeError.message}`);
			const scores = Object.fromEntries(
				Object.keys(THRESHOLDS).map((id) => [id, categories[id]?.score ?? 0])
			);
			runs.push({ performance: scores.performance, scores });
		}
		const middle = median(runs.map((r) => r.performance));
		const kept = runs.find((r) => r.performance === middle) ?? runs[0];
		const cells = Object.entries(THRESHOLDS).map(([id, threshold]) => {
			const score = kept.scores[id];
			const below = score < threshold;
			if (below) failed = true;
			return `${score.toFixed(2)}${below ? ` < ${threshold}` : ''}`.padStart(15);
		});
		const perfRuns = runs.map((r) => r.performance.toFixed(2)).join(' ');
		console.log(`${path.padEnd(10)}${cells.join('')}   (performance runs: ${perfRuns})`);
	}
} finally {
	await chrome.stop();
	await preview.stop();
}
console.log(
	failed
		? '\nBelow threshold (performance ≥ 0.95, accessibility 1.0, best practices ≥ 0.95).'
		: '\nEvery page meets its thresholds.'
);
process.exit(failed ? 1 : 0);

/**
 * Chromium with a debugging port for Lighthouse to drive, in a profile of its own.
 * @returns {Promise<{ port: number; stop: () => Promise<void> }>}
 */
async function launchChrome() {
	const profile = mkdtempSync(join(tmpdir(), 'backcare-lighthouse-'));
	const child = spawn(
		CHROME_PATH,
		[...CHROME_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
		{ stdio: ['ignore', 'ignore', 'pipe'] }
	);
	const exited = new Promise((resolve) => child.once('exit', resolve));
	const port = await new Promise((resolve, reject) => {
		let output = '';
		child.stderr.on('data', (chunk) => {
			output += chunk;
			const found = output.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
			if (found) resolve(Number(found[1]));
		});
		child.once('exit', () => reject(new Error(`Chromium stopped:\n${output}`)));
	});
	return {
		port,
		stop: async () => {
			child.kill();
			await exited;
			rmSync(profile, { recursive: true, force: true });
		}
	};
}
