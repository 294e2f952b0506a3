/**
 * How the app copes with three years of daily history (about 1,100 sessions):
 *   1. opening the database and computing today's doses, in node with fake-indexeddb (an
 *      in-memory IndexedDB: it shows the cost of our code, not of a phone's disk);
 *   2. drawing /history in Chromium, after importing the same history as a backup file;
 *   3. how much storage it takes.
 * Run it with `npm run bench` (it builds the app first). It prints figures and asserts nothing.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { defaultRoutine, exerciseById } from '$lib/content';
import { addDays } from '$lib/core/calendar';
import { dayPlan, replay } from '$lib/core/progression';
import { personalRoutine } from '$lib/core/routine';
import { importBackup } from '$lib/storage/backup';
import { openBackcareDB } from '$lib/storage/db';
import { loadHistory } from '$lib/storage/history';
import { loadSettings } from '$lib/storage/settings';
import { dailyBackup } from '../tests/fixtures/daily-backup';

const TODAY = '2026-03-10';
const DAYS = 1_130;
const RUNS = 7;
const PORT = Number(process.env.BENCH_PORT ?? 4185);

/** About one day in thirty-five missed, a sore day now and then: 1,100 sessions or so. */
const threeYears = dailyBackup({
	from: addDays(TODAY, -DAYS),
	days: DAYS,
	skipped: (day) => day % 37 === 5,
	pain: (day) => (day % 23 === 7 ? 4 : day % 5 === 0 ? 2 : 1)
});
const backupText = JSON.stringify(threeYears);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

function ms(value: number): string {
	return `${value.toFixed(1)} ms`;
}

function kilobytes(bytes: number): string {
	return `${(bytes / 1024).toFixed(0)} KiB`;
}

function row(label: string, runs: number[]): void {
	console.log(
		`  ${label.padEnd(46)} median ${ms(median(runs)).padStart(10)}   best ${ms(Math.min(...runs)).padStart(10)}   worst ${ms(Math.max(...runs)).padStart(10)}`
	);
}

async function inNode(): Promise<void> {
	const factory = new IDBFactory();
	const setup = await openBackcareDB(factory);
	const importStart = performance.now();
	await importBackup(setup, threeYears, 'replace');
	const importMs = performance.now() - importStart;
	setup.close();

	const openAndPlan: number[] = [];
	const openOnly: number[] = [];
	const charts: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const start = performance.now();
		const db = await openBackcareDB(factory);
		const [history, settings] = await Promise.all([loadHistory(db), loadSettings(db)]);
		const read = performance.now();
		dayPlan({
			exercises: exerciseById,
			routine: personalRoutine(defaultRoutine(), settings),
			history,
			today: TODAY
		});
		openAndPlan.push(performance.now() - start);
		openOnly.push(read - start);
		const chartStart = performance.now();
		replay({ exercises: exerciseById, routine: defaultRoutine(), history, today: TODAY });
		charts.push(performance.now() - chartStart);
		db.close();
	}
	console.log('\nIn node, with fake-indexeddb (in memory; a phone reads from disk):');
	console.log(`  import of the backup in one transaction        ${ms(importMs)}`);
	row('open the database, read history and settings', openOnly);
	row("open, read and compute today's doses", openAndPlan);
	row('replay for the history charts (all exercises)', charts);
}

async function inChromium(): Promise<void> {
	const server = await preview({ preview: { port: PORT, strictPort: true }, logLevel: 'warn' });
	const debian = '/usr/bin/chromium';
	const browser = await chromium.launch(
		existsSync(debian) ? { executablePath: debian, args: ['--disable-gpu'] } : {}
	);
	try {
		const context = await browser.newContext({
			baseURL: `http://localhost:${PORT}`,
			viewport: { width: 360, height: 740 },
			locale: 'en-GB'
		});
		const page = await context.newPage();
		await page.goto('/settings');
		await page.locator('[data-state="ready"]').waitFor();
		const importStart = performance.now();
		await page.getByLabel('Import backup').setInputFiles({
			name: 'three-years.json',
			mimeType: 'application/json',
			buffer: Buffer.from(backupText)
		});
		await page.getByRole('button', { name: 'Replace everything on this device' }).click();
		await page.getByText(/This device now holds \d+ sessions/).waitFor({ timeout: 120_000 });
		const importMs = performance.now() - importStart;

		const rendered: number[] = [];
		const wall: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const start = performance.now();
			await page.goto('/history');
			await page.locator('[data-state="ready"]').waitFor();
			wall.push(performance.now() - start);
			rendered.push(
				await page.evaluate(
					() => performance.getEntriesByName('history-rendered')[0]?.startTime ?? Number.NaN
				)
			);
		}
		const estimate = await page.evaluate(async () => {
			const e = (await navigator.storage.estimate()) as StorageEstimate & {
				usageDetails?: Record<string, number>;
			};
			return { usage: e.usage ?? 0, indexedDB: e.usageDetails?.indexedDB };
		});
		const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);

		console.log('\nIn Chromium (production build, phone-sized window):');
		console.log(`  import of the backup file through Settings     ${ms(importMs)}`);
		row('/history: navigation start to fully drawn', rendered);
		row('/history: goto until drawn, from the test', wall);
		console.log(`  elements on /history                           ${domNodes}`);
		console.log('\nStorage:');
		console.log(`  backup file (JSON)                             ${kilobytes(backupText.length)}`);
		console.log(
			`  browser's estimate for the origin              ${kilobytes(estimate.usage)}${estimate.indexedDB === undefined ? '' : ` (IndexedDB ${kilobytes(estimate.indexedDB)})`}`
		);
	} finally {
		await browser.close();
		await new Promise<void>((resolve, reject) =>
			server.httpServer.close((error) => (error ? reject(error) : resolve()))
		);
	}
}

export async function run(): Promise<void> {
	console.log(
		`Three years of history: ${threeYears.sessions.length} sessions, ${threeYears.checkIns.length} check-ins, ${threeYears.mornings.length} morning answers, over ${DAYS} days to ${TODAY}; ${RUNS} runs each.`
	);
	await inNode();
	await inChromium();
}
