/**
 * Where the offline cold start of Today spends its time: the same start as offline-start.js (a
 * fresh browser on a kept profile, the server stopped, CPU slowed 4x), with the navigation's
 * timings (service worker, HTML from the cache, DOM ready, last script, interactive) and, on
 * request, the main thread's cost by kind of work.
 *
 *   npm run build && node bench/offline-start-trace.js              timings only
 *   TRACE=1 RUNS=2 node bench/offline-start-trace.js                 + Chromium trace, ms per event
 *   PROFILE=1 RUNS=3 node bench/offline-start-trace.js               + CPU profile, self ms per function
 *
 * Traces and profiles are written to OUT (default: the system's temporary folder).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROME_FLAGS, CHROME_PATH, median, startPreview } from './preview.js';
const RUNS = Number(process.env.RUNS ?? 5);
const OUT = process.env.OUT ?? join(tmpdir(), 'backcare-offline-trace');
mkdirSync(OUT, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'speed2-prof-'));
const launch = () =>
	chromium.launchPersistentContext(profile, {
		executablePath: CHROME_PATH,
		args: CHROME_FLAGS.filter((f) => f !== '--headless'),
		viewport: { width: 360, height: 740 }
	});
const preview = await startPreview();
const url = preview.url + '/';
const first = await launch();
const p1 = first.pages()[0] ?? (await first.newPage());
await p1.goto(url);
await p1.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
	timeout: 30000
});
await first.close();
await preview.stop();
const rows = [];
const bySelf = new Map();
const traceAgg = new Map();
for (let run = 1; run <= RUNS; run++) {
	const context = await launch();
	await context.setOffline(true);
	const page = context.pages()[0] ?? (await context.newPage());
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
	const events = [];
	if (process.env.TRACE) {
		cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
		await cdp.send('Tracing.start', {
			traceConfig: {
				includedCategories: [
					'devtools.timeline',
					'v8',
					'disabled-by-default-devtools.timeline',
					'blink',
					'loading',
					'v8.execute'
				]
			},
			transferMode: 'ReportEvents'
		});
	}
	if (process.env.PROFILE) {
		await cdp.send('Profiler.enable');
		await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
		await cdp.send('Profiler.start');
	}
	await page.goto(url);
	await page.waitForFunction(
		() => performance.getEntriesByName('backcare:interactive', 'mark').length > 0
	);
	const t = await page.evaluate(() => {
		const [n] = performance.getEntriesByType('navigation');
		const [m] = performance.getEntriesByName('backcare:interactive', 'mark');
		const res = performance.getEntriesByType('resource');
		const js = res.filter((r) => r.name.endsWith('.js'));
		const paint = performance
			.getEntriesByType('paint')
			.map((p) => [p.name, Math.round(p.startTime)]);
		return {
			workerStart: n.workerStart,
			fetchStart: n.fetchStart,
			requestStart: n.requestStart,
			responseStart: n.responseStart,
			responseEnd: n.responseEnd,
			domInteractive: n.domInteractive,
			dcl: n.domContentLoadedEventEnd,
			interactive: m.startTime,
			jsCount: js.length,
			jsLastEnd: Math.max(...js.map((r) => r.responseEnd)),
			jsFirstStart: Math.min(...js.map((r) => r.startTime)),
			paint
		};
	});
	if (process.env.PROFILE) {
		const { profile: prof } = await cdp.send('Profiler.stop');
		const byId = new Map(prof.nodes.map((n) => [n.id, n]));
		const dt = prof.timeDeltas;
		let i = 0;
		for (const s of prof.samples) {
			const n = byId.get(s);
			const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
			bySelf.set(key, (bySelf.get(key) ?? 0) + (dt[i++] ?? 0) / 1000);
		}
		writeFileSync(`${OUT}/prof-${process.env.TAG ?? 'x'}-${run}.cpuprofile`, JSON.stringify(prof));
	}
	if (process.env.TRACE) {
		const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
		await cdp.send('Tracing.end');
		await done;
		const mainPid = events.find((e) => e.name === 'TracingStartedInBrowser')?.args?.data
			?.frames?.[0]?.processId;
		const threads = new Map(
			events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name])
		);
		const agg = new Map();
		for (const e of events) {
			if (e.ph !== 'X' || !e.dur) continue;
			const th = threads.get(`${e.pid}:${e.tid}`) ?? '?';
			if (!/CrRendererMain|ServiceWorker/i.test(th)) continue;
			const k = `${th.slice(0, 14)} ${e.name}`;
			agg.set(k, (agg.get(k) ?? 0) + e.dur / 1000);
		}
		for (const [k, v] of agg) traceAgg.set(k, (traceAgg.get(k) ?? 0) + v);
		writeFileSync(`${OUT}/trace-${process.env.TAG ?? 'x'}-${run}.json`, JSON.stringify(events));
	}
	await context.close();
	rows.push(t);
	console.log(
		run,
		JSON.stringify(
			Object.fromEntries(
				Object.entries(t).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v) : v])
			)
		)
	);
}
for (const k of [
	'workerStart',
	'responseStart',
	'responseEnd',
	'domInteractive',
	'jsLastEnd',
	'dcl',
	'interactive'
]) {
	const v = rows.map((r) => r[k]).sort((a, b) => a - b);
	console.log(k.padEnd(15), Math.round(median(v)), `(${Math.round(v[0])}–${Math.round(v.at(-1))})`);
}
if (process.env.PROFILE) {
	console.log('top self ms (sum over runs / runs):');
	[...bySelf]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 30)
		.forEach(([k, v]) => console.log((v / RUNS).toFixed(1).padStart(8), k));
}
if (process.env.TRACE) {
	console.log('trace: inclusive ms per event (avg per run), top');
	[...traceAgg]
		.sort((a, b) => b[1] - a[1])
		.slice(0, 45)
		.forEach(([k, v]) => console.log((v / RUNS).toFixed(1).padStart(8), k));
}
rmSync(profile, { recursive: true, force: true });
