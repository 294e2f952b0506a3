/**
 * How the app copes with years of daily history: one, three and ten years (about 360, 1,100 and
 * 3,600 sessions), so growth can be read off. For each:
 *   1. in node with fake-indexeddb (an in-memory IndexedDB: it shows the cost of our code, not of
 *      a phone's disk): opening the database and computing today's doses as the app does
 *      (Records and snapshot), cold (no replay checkpoint kept yet: the replay starts from day one)
 *      and warm (from the checkpoint the previous opening kept); the replay the history charts
 *      draw from, and the 8-week report;
 *   2. in Chromium (production build, phone-sized window), after importing the same history as a
 *      backup file through Settings: /history from navigation to fully drawn, and /report from
 *      navigation to drawn, and the switch to 8 weeks from the tap until drawn.
 * Targets (issue 15), for three years: open and doses under 30 ms, /history drawn under 150 ms,
 * the 8-week report under 150 ms. Last, the report over 40,000 daily sessions (issue 12: it was
 * quadratic), so the growth of the replay itself can be read off. Run it with `npm run bench:history` (it builds the app first).
 * It prints figures and asserts nothing. HISTORY_YEARS (comma-separated, "1,3,10" when unset)
 * narrows the sizes.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { preview } from 'vite';
import { defaultRoutine, exerciseById } from '$lib/content';
import type { Backup } from '$lib/core/records/backup';
import { addDays } from '$lib/core/time/calendar';
import { replay } from '$lib/core/progression/progression';
import { Records } from '$lib/app/records.svelte';
import { snapshot } from '$lib/app/snapshot';
import { buildReport } from '$lib/core/report/report';
import { personalRoutine } from '$lib/core/content/routine';
import { importBackup } from '$lib/storage/backup';
import { openBackcareDB } from '$lib/storage/db';
import { loadHistory } from '$lib/storage/history';
import { loadSettings } from '$lib/storage/settings';
import { readMeta } from '$lib/storage/meta';
import { dailyBackup } from '../tests/fixtures/daily-backup';
import { reportOver } from './report';

const TODAY = '2026-03-10';
const YEARS = (process.env.HISTORY_YEARS ?? '1,3,10').split(',').map(Number);
const RUNS = 7;
const LONG_REPORT_SESSIONS = Number(process.env.HISTORY_REPORT_SESSIONS ?? 40_000);
const PORT = Number(process.env.BENCH_PORT ?? 4185);

/** About one day in thirty-seven missed, a sore day now and then. */
function diary(years: number): Backup {
	const days = Math.round(years * 365.25) + 34;
	return dailyBackup({
		from: addDays(TODAY, -days),
		days,
		skipped: (day) => day % 37 === 5,
		pain: (day) => (day % 23 === 7 ? 4 : day % 5 === 0 ? 2 : 1)
	});
}

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

interface Figures {
	openAndDosesCold: number;
	openAndDoses: number;
	historyDrawn: number;
	report: number;
}

async function inNode(backup: Backup): Promise<Pick<Figures, 'openAndDoses' | 'openAndDosesCold'>> {
	const factory = new IDBFactory();
	const setup = await openBackcareDB(factory);
	const importStart = performance.now();
	await importBackup(setup, backup, 'replace');
	const importMs = performance.now() - importStart;
	setup.close();

	const openOnly: number[] = [];
	const openAndPlanCold: number[] = [];
	const openAndPlan: number[] = [];
	const charts: number[] = [];
	const reports: number[] = [];
	/** What Today does: open, read the records (and the checkpoint), compute today's plan. */
	const openAndPlanOnce = async (cold: boolean): Promise<number> => {
		if (cold) {
			const db = await openBackcareDB(factory);
			await db.delete('meta', 'replayCheckpoint');
			db.close();
		}
		const start = performance.now();
		const db = await openBackcareDB(factory);
		const records = new Records(async () => db);
		await records.load();
		snapshot(records, TODAY);
		const took = performance.now() - start;
		// The checkpoint the snapshot made is written in the background: not part of the opening.
		await records.keepCheckpoint(records.replayCheckpoint!);
		if (!cold && (await readMeta(db, 'replayCheckpoint')) === undefined)
			throw new Error('No replay checkpoint was kept.');
		db.close();
		return took;
	};
	for (let run = 0; run < RUNS; run++) {
		openAndPlanCold.push(await openAndPlanOnce(true));
		openAndPlan.push(await openAndPlanOnce(false));
		const start = performance.now();
		const db = await openBackcareDB(factory);
		const [history, settings] = await Promise.all([loadHistory(db), loadSettings(db)]);
		const routine = personalRoutine(defaultRoutine(), settings);
		openOnly.push(performance.now() - start);
		const chartStart = performance.now();
		replay({ exercises: exerciseById, routine: defaultRoutine(), history, today: TODAY });
		charts.push(performance.now() - chartStart);
		const reportStart = performance.now();
		buildReport({ exercises: exerciseById, routine, history, today: TODAY, weeks: 8 });
		reports.push(performance.now() - reportStart);
		db.close();
	}
	console.log('  In node, with fake-indexeddb (in memory; a phone reads from disk):');
	console.log(`  import of the backup in one transaction        ${ms(importMs)}`);
	row('open the database, read history and settings', openOnly);
	row("open, read, today's doses: cold (from day one)", openAndPlanCold);
	row("open, read, today's doses: warm (checkpoint)", openAndPlan);
	row('replay for the history charts (all exercises)', charts);
	row('the 8-week report, computed', reports);
	return { openAndDoses: median(openAndPlan), openAndDosesCold: median(openAndPlanCold) };
}

/** Time from the navigation's start to a mark the page sets once drawn. */
async function drawn(page: Page, path: string, mark: string): Promise<number[]> {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		await page.goto(path);
		times.push(
			await page.evaluate(async (name) => {
				for (let wait = 0; wait < 200; wait++) {
					const entry = performance.getEntriesByName(name)[0];
					if (entry) return entry.startTime;
					await new Promise((resolve) => setTimeout(resolve, 50));
				}
				return Number.NaN;
			}, mark)
		);
	}
	return times;
}

/** The tap on "Last 8 weeks" until the page is drawn again (the next frame). */
async function switchToEightWeeks(page: Page): Promise<number[]> {
	const times: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		await page.goto('/report');
		await page.getByRole('heading', { name: 'Sessions done' }).waitFor();
		times.push(
			await page.evaluate(async () => {
				const eight = [...document.querySelectorAll<HTMLInputElement>('input[name="weeks"]')].find(
					(input) => input.value === '8'
				)!;
				const start = performance.now();
				eight.click();
				await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
				return performance.now() - start;
			})
		);
	}
	return times;
}

async function inChromium(
	backup: Backup,
	years: number
): Promise<Pick<Figures, 'historyDrawn' | 'report'>> {
	const backupText = JSON.stringify(backup);
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
			name: `${years}-years.json`,
			mimeType: 'application/json',
			buffer: Buffer.from(backupText)
		});
		await page.getByRole('button', { name: 'Replace everything on this device' }).click();
		await page.getByText(/This device now holds \d+ sessions/).waitFor({ timeout: 300_000 });
		const importMs = performance.now() - importStart;

		const history = await drawn(page, '/history', 'history-rendered');
		const domNodes = await page.evaluate(() => document.getElementsByTagName('*').length);
		const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
		const report = await drawn(page, '/report', 'report-rendered');
		const eightWeeks = await switchToEightWeeks(page);
		const estimate = await page.evaluate(async () => {
			const e = (await navigator.storage.estimate()) as StorageEstimate & {
				usageDetails?: Record<string, number>;
			};
			return { usage: e.usage ?? 0, indexedDB: e.usageDetails?.indexedDB };
		});

		console.log('  In Chromium (production build, 360 × 740 window):');
		console.log(`  import of the backup file through Settings     ${ms(importMs)}`);
		row('/history: navigation start to fully drawn', history);
		console.log(`  /history: ${domNodes} elements, ${pageHeight} px tall`);
		row('/report (4 weeks): navigation start to drawn', report);
		row('/report: switch to 8 weeks, tap to drawn', eightWeeks);
		console.log(
			`  storage: backup file ${kilobytes(backupText.length)}, browser's estimate ${kilobytes(estimate.usage)}${estimate.indexedDB === undefined ? '' : ` (IndexedDB ${kilobytes(estimate.indexedDB)})`}`
		);
		return { historyDrawn: median(history), report: median(eightWeeks) };
	} finally {
		await browser.close();
	}
}

export async function run(): Promise<void> {
	const server = await preview({ preview: { port: PORT, strictPort: true }, logLevel: 'warn' });
	const summary: { years: number; sessions: number; figures: Figures }[] = [];
	try {
		for (const years of YEARS) {
			const backup = diary(years);
			console.log(
				`\n${years} ${years === 1 ? 'year' : 'years'} of history: ${backup.sessions.length} sessions, ${backup.checkIns.length} check-ins, ${backup.mornings.length} morning answers, to ${TODAY}; ${RUNS} runs each.`
			);
			const node = await inNode(backup);
			const browser = await inChromium(backup, years);
			summary.push({ years, sessions: backup.sessions.length, figures: { ...node, ...browser } });
		}
	} finally {
		await new Promise<void>((resolve, reject) =>
			server.httpServer.close((error) => (error ? reject(error) : resolve()))
		);
	}
	// The growth of the replay itself (issue 12); HISTORY_REPORT_SESSIONS=0 leaves it out.
	const long = LONG_REPORT_SESSIONS > 0 ? reportOver(LONG_REPORT_SESSIONS) : undefined;
	console.log('\nMedians (targets for three years: open + doses 30 ms, 150 ms, 150 ms):');
	console.log(
		`  ${'history'.padEnd(22)}${'doses cold'.padStart(12)}${'doses warm'.padStart(12)}${'/history drawn'.padStart(16)}${'8-week report'.padStart(16)}`
	);
	for (const { years, sessions, figures } of summary) {
		console.log(
			`  ${`${years} y (${sessions} sessions)`.padEnd(22)}${ms(figures.openAndDosesCold).padStart(12)}${ms(figures.openAndDoses).padStart(12)}${ms(figures.historyDrawn).padStart(16)}${ms(figures.report).padStart(16)}`
		);
	}
	if (long)
		console.log(
			`  ${`report, ${LONG_REPORT_SESSIONS} sessions`.padEnd(22)}${ms(long.ms).padStart(12)} (${ms(long.cpuMs)} of CPU)`
		);
}
