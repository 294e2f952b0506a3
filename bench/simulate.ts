/**
 * How long the simulator takes for three years of daily diary (1,095 days, a session most days,
 * a sore day now and then, a week away twice a year). Run it with `npm run bench:simulate`. It
 * prints figures and asserts nothing.
 */
import { defaultRoutine, exerciseById } from '$lib/content';
import { simulate, type Diary, type DiaryDay } from '$lib/core/progression/simulate';

const DAYS = 3 * 365;
const RUNS = Number(process.env.RUNS ?? 3);

export function threeYears(): Diary {
	const days: DiaryDay[] = [];
	for (let i = 0; i < DAYS; i++) {
		const away = i % 182 >= 170;
		const pain = i % 23 === 7 ? 4 : i % 5 === 0 ? 2 : 1;
		days.push({
			...(i > 0 ? { morning: i % 31 === 8 ? 'worse' : 'same' } : {}),
			...(away ? {} : { session: { pain } })
		});
	}
	return { start: '2026-01-05', days };
}

export async function run(): Promise<void> {
	const diary = threeYears();
	const wall: number[] = [];
	const cpu: number[] = [];
	let days = 0;
	for (let run = 0; run < RUNS; run++) {
		const started = performance.now();
		const cpuStarted = process.cpuUsage();
		const result = simulate(diary, exerciseById, defaultRoutine());
		const used = process.cpuUsage(cpuStarted);
		wall.push(performance.now() - started);
		cpu.push((used.user + used.system) / 1000);
		days = result.days.length;
	}
	const median = (values: number[]) =>
		[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]! / 1000;
	// CPU time too: on a busy machine the wall clock also counts other processes' turns.
	console.log(
		`simulate ${days} days (three years), median of ${RUNS} runs: ${median(wall).toFixed(2)} s wall clock, ${median(cpu).toFixed(2)} s CPU`
	);
}
