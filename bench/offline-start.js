// @ts-check
/**
 * Benchmark: time from navigation to an interactive Today page with the network off, the app
 * coming from the service worker's cache. One visit online installs the app; then the server
 * is stopped and the browser is started afresh, offline, several times over (a cold start each
 * time: new browser process, same profile). "Interactive" is the layout's mount, the
 * `backcare:interactive` performance mark, measured from the start of the navigation.
 *
 *   npm run build && npm run bench:offline-start
 *
 * OFFLINE_START_RUNS (7 when unset) cold starts; OFFLINE_START_CPU_SLOWDOWN (4 when unset)
 * slows the page's CPU like Lighthouse's mobile preset, for a cheap phone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROME_FLAGS, CHROME_PATH, median, startPreview } from './preview.js';

const RUNS = Number(process.env.OFFLINE_START_RUNS ?? 7);
const SLOWDOWN = Number(process.env.OFFLINE_START_CPU_SLOWDOWN ?? 4);
const profile = mkdtempSync(join(tmpdir(), 'backcare-offline-start-'));
const launch = () =>
	chromium.launchPersistentContext(profile, {
		executablePath: CHROME_PATH,
		args: CHROME_FLAGS.filter((flag) => flag !== '--headless'),
		viewport: { width: 360, height: 740 }
	});

try {
	// The first visit, online: the service worker installs and keeps the whole app.
	const preview = await startPreview();
	const url = preview.url + '/';
	const first = await launch();
	const firstPage = first.pages()[0] ?? (await first.newPage());
	await firstPage.goto(url);
	await firstPage.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
		timeout: 30_000
	});
	await first.close();
	await preview.stop();

	console.log(
		`Offline cold start of Today, ${RUNS} runs, CPU slowed ${SLOWDOWN}×, server stopped\n`
	);
	console.log(
		[
			'run'.padEnd(5),
			'response'.padStart(10),
			'DOM ready'.padStart(11),
			'interactive'.padStart(13)
		].join('')
	);
	/** @type {number[]} */
	const interactive = [];
	for (let run = 1; run <= RUNS; run++) {
		const context = await launch();
		await context.setOffline(true);
		const page = context.pages()[0] ?? (await context.newPage());
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
		await page.goto(url);
		await page.waitForFunction(
			() => performance.getEntriesByName('backcare:interactive', 'mark').length > 0
		);
		const timing = await page.evaluate(() => {
			const [navigation] = /** @type {PerformanceNavigationTiming[]} */ (
				performance.getEntriesByType('navigation')
			);
			const [mark] = performance.getEntriesByName('backcare:interactive', 'mark');
			return {
				fromServiceWorker: navigation.workerStart > 0,
				response: navigation.responseEnd,
				domReady: navigation.domContentLoadedEventEnd,
				interactive: mark.startTime
			};
		});
		await context.close();
		if (!timing.fromServiceWorker)
			throw new Error(`Run ${run}: the page did not come from the service worker.`);
		interactive.push(timing.interactive);
		console.log(
			[
				String(run).padEnd(5),
				ms(timing.response).padStart(10),
				ms(timing.domReady).padStart(11),
				ms(timing.interactive).padStart(13)
			].join('')
		);
	}
	console.log(`\nMedian time to an interactive Today page, offline: ${ms(median(interactive))}`);
} finally {
	rmSync(profile, { recursive: true, force: true });
}

/** @param {number} value */
function ms(value) {
	return `${Math.round(value)} ms`;
}
