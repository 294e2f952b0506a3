/**
 * How long the clinician's report takes to build for a long history: 40,000 daily sessions (the
 * report used to search the history once per session, which took minutes at this size). Run it
 * with `node bench/run.mjs report`. It prints figures and asserts nothing.
 */
import { defaultRoutine, exerciseById } from '$lib/content';
import { addDays } from '$lib/core/time/calendar';
import { buildReport } from '$lib/core/report/report';
import { dailyBackup } from '../tests/fixtures/daily-backup';

const SESSIONS = 40_000;
const TODAY = '2026-03-10';

/** Builds the 8-week report over `sessions` daily sessions; how long it took. */
export function reportOver(sessions: number): { ms: number; cpuMs: number; inPeriod: number } {
	const backup = dailyBackup({
		from: addDays(TODAY, -sessions),
		days: sessions,
		pain: (day) => (day % 23 === 7 ? 4 : day % 5 === 0 ? 2 : 1)
	});
	const history = {
		sessions: backup.sessions,
		checkIns: backup.checkIns,
		mornings: backup.mornings
	};
	const started = performance.now();
	// The process's own CPU time too: on a machine shared with other work, wall time says little.
	const cpu = process.cpuUsage();
	const report = buildReport({
		exercises: exerciseById,
		routine: defaultRoutine(),
		history,
		today: TODAY,
		weeks: 8
	});
	const { user, system } = process.cpuUsage(cpu);
	return {
		ms: performance.now() - started,
		cpuMs: (user + system) / 1000,
		inPeriod: report.sessions.length
	};
}

export async function run(): Promise<void> {
	const { ms, cpuMs, inPeriod } = reportOver(SESSIONS);
	console.log(
		`report over ${SESSIONS} sessions: ${(ms / 1000).toFixed(2)} s (${(cpuMs / 1000).toFixed(2)} s of CPU; ${inPeriod} sessions in the period)`
	);
}
