import { describe, expect, test } from 'vitest';
// Each test replays weeks of diary through the whole app core; on a busy machine that takes seconds.
import fc from 'fast-check';
import { loadRoutesData } from '../../scripts/routes-data.ts';
import { budgetFor, routineSeconds } from '../../src/lib/core/progression/budget';
import { workSeconds } from '../../src/lib/core/progression/dose';
import { FAMILIAR_AFTER_TIMES } from '../../src/lib/core/player/player-steps';
import { flarePeriods } from '../../src/lib/core/progression/flare';
import type { History, RedFlag } from '../../src/lib/core/records/history';
import { breakLevel, redFlagStop } from '../../src/lib/core/progression/progression';
import {
	DiaryError,
	parseDiary,
	simulate,
	type Diary,
	type DiaryDay,
	type SimulatedDay
} from '../../src/lib/core/progression/simulate';

const content = loadRoutesData('routes-data');
const exercises = new Map(content.exercises.map((e) => [e.id, e]));
const routine = content.routines.find((r) => r.id === 'daily')!;
const START = '2026-03-02'; // a Monday

function run(days: DiaryDay[], budgetMinutes?: number): SimulatedDay[] {
	const diary: Diary = { start: START, days, ...(budgetMinutes ? { budgetMinutes } : {}) };
	return simulate(diary, exercises, routine).days;
}

const comfortable = (count: number): DiaryDay[] =>
	Array.from({ length: count }, (_, i) => ({
		...(i > 0 ? { morning: 'same' as const } : {}),
		session: { pain: 1 }
	}));

/** Counts the exercises of a day's session as the player does: every exercise of the plan. */
function countDone(timesDone: Map<string, number>, day: SimulatedDay, diaryDay: DiaryDay): void {
	if (!diaryDay.session || day.stopped) return;
	for (const id of new Set(day.exercises.map((e) => e.id)))
		timesDone.set(id, (timesDone.get(id) ?? 0) + 1);
}

/**
 * The seconds of a simulated day's routine, as the player would run it, without the exercises
 * named: counted afresh from the day's levels, not taken from the plan.
 */
function budgetSeconds(
	day: SimulatedDay,
	budgetMinutes: number,
	timesDone: Map<string, number>,
	leftOut: readonly string[]
): number {
	const caps = budgetFor(routine, exercises, budgetMinutes).caps;
	const ids = new Set(day.exercises.map((e) => e.id));
	const played = {
		...routine,
		items: routine.items.filter((i) => ids.has(i.exercise) && !leftOut.includes(i.exercise))
	};
	const level = (id: string, s: string) =>
		day.exercises.find((e) => e.id === id && e.side === s)!.level;
	return routineSeconds(played, exercises, level, (id, s) => caps.get(`${id}:${s}`) ?? {}, {
		timesDone
	});
}

function side(day: SimulatedDay, id: string, s = 'both') {
	const found = day.exercises.find((e) => e.id === id && e.side === s);
	if (!found) throw new Error(`no ${id} ${s} on ${day.date}`);
	return found;
}

describe('a time budget', { timeout: 30_000 }, () => {
	test('eight comfortable weeks never take longer than the 10 minutes chosen, the first sessions with their reading time too', () => {
		const days = run(comfortable(56));
		// The first sessions give time to read each set-up, and still fit.
		expect(days[0]!.minutes).toBeGreaterThan(days.at(-1)!.minutes - 1);
		expect(Math.max(...days.map((d) => d.minutes))).toBeLessThanOrEqual(10);
		expect(days.every((d) => d.leaveOut === undefined)).toBe(true);
	});

	test('while the set-ups are new, a step that would pass the budget with the reading time waits, and says why', () => {
		const days = run(comfortable(FAMILIAR_AFTER_TIMES + 2));
		const learning = days
			.slice(0, FAMILIAR_AFTER_TIMES + 1)
			.flatMap((d) => d.exercises)
			.filter((e) => e.reason.includes('While the set-ups are new'));
		expect(learning.length).toBeGreaterThan(0);
		for (const e of learning) expect(e.change).toBe('hold');
		// Once familiar, the time grows again.
		const twist = (i: number) => side(days[i]!, 'seated-twist', 'left').workSeconds;
		expect(twist(FAMILIAR_AFTER_TIMES + 1)).toBeGreaterThan(twist(0));
	});

	test('the warm-up keeps its starting time: the room goes to stretching and strength', () => {
		const last = run(comfortable(56), 30).at(-1)!;
		expect(side(last, 'warm-up').workSeconds).toBe(workSeconds(exercises.get('warm-up')!, 0));
		expect(side(last, 'bird-dog', 'left').workSeconds).toBeGreaterThan(
			workSeconds(exercises.get('bird-dog')!, 0)
		);
	});

	test('at ten minutes every stretch and strength exercise grows over eight weeks', () => {
		const [first, last] = [run(comfortable(56))[0]!, run(comfortable(56)).at(-1)!];
		for (const e of first.exercises.filter((e) => e.id !== 'warm-up')) {
			expect(side(last, e.id, e.side).workSeconds, `${e.id} ${e.side}`).toBeGreaterThan(
				e.workSeconds
			);
		}
	});

	test('at the budget the ranges still grow, the time does not, and the words say so', () => {
		const days = run(comfortable(56));
		const last = days.at(-1)!;
		expect(side(last, 'seated-twist', 'left').dials.turn).toBeGreaterThan(30);
		const bridge = side(last, 'hip-bridge');
		expect(bridge.reason).toMatch(/reached your 10 minutes/);
	});

	test('a longer budget lets the strength work grow further', () => {
		const short = run(comfortable(56)).at(-1)!;
		const long = run(comfortable(56), 30).at(-1)!;
		expect(side(long, 'hip-bridge').workSeconds).toBeGreaterThan(
			side(short, 'hip-bridge').workSeconds
		);
		expect(long.minutes).toBeLessThanOrEqual(30);
	});

	test('when only the first sessions’ reading time does not fit, today’s plan names what to leave out today, and the rest fits', async () => {
		const { dayPlan } = await import('../../src/lib/core/progression/progression');
		const { personalRoutine } = await import('../../src/lib/core/content/routine');
		const slow = personalRoutine(routine, { restSeconds: 25 });
		expect(budgetFor(slow, exercises, 10).leaveOut).toEqual([]);
		const history = { sessions: [], checkIns: [], mornings: [] };
		const plan = dayPlan({ exercises, routine: slow, history, today: START });
		expect(plan.seconds).toBeGreaterThan(600);
		expect(plan.leaveOutToday).toBe(true);
		expect(plan.leaveOut).toEqual(['plank']);
		const rest = { ...slow, items: slow.items.filter((i) => i.exercise !== 'plank') };
		expect(
			routineSeconds(
				rest,
				exercises,
				() => 0,
				() => ({}),
				{ timesDone: new Map() }
			)
		).toBeLessThanOrEqual(600);
	});

	test('when even the start does not fit, it names the exercises to leave out', () => {
		const tight = { ...routine, restSeconds: 120 };
		const budget = budgetFor(tight, exercises, 10);
		expect(budget.leaveOut.length).toBeGreaterThan(0);
		expect(budget.leaveOut).not.toContain('warm-up');
	});
});

describe('small steps', { timeout: 30_000 }, () => {
	test('no day raises an exercise side’s work time by more than 20 %', () => {
		const days = run(comfortable(56), 30);
		for (let i = 1; i < days.length; i++) {
			for (const now of days[i]!.exercises) {
				const before = days[i - 1]!.exercises.find((e) => e.id === now.id && e.side === now.side);
				if (before) expect(now.workSeconds).toBeLessThanOrEqual(before.workSeconds * 1.2 + 1e-9);
			}
		}
	});

	test('ranges move one degree a step, and the words lead with the feeling', () => {
		const [, second] = run(comfortable(2));
		const twist = side(second!, 'seated-twist', 'left');
		expect(twist.dials.turn).toBe(16);
		expect(twist.reason).toContain('turn a little further than last time (about 16°)');
	});

	test('bird dog holds stay at 10 s or less, and every strength hold is short', () => {
		for (const id of ['bird-dog', 'hip-bridge']) {
			const hold = exercises.get(id)!.dials.find((d) => d.kind === 'hold')!;
			expect(hold.max).toBeLessThanOrEqual(10);
		}
	});
});

describe('paced strength', { timeout: 30_000 }, () => {
	test('strength needs two green sessions a step; stretches one', () => {
		// A long budget, so that no step waits for the first sessions' reading time.
		const days = run(comfortable(5), 30);
		expect(days.map((d) => side(d, 'hip-bridge').level)).toEqual([0, 0, 1, 1, 2]);
		expect(days.map((d) => side(d, 'seated-twist', 'left').level)).toEqual([0, 1, 2, 3, 4]);
		expect(side(days[1]!, 'hip-bridge').reason).toMatch(/a comfortable session \(1 of 2\)/);
	});

	test('plank moves from knees to toes as a step of its own, the hold short again', () => {
		const days = run(comfortable(40), 30);
		const change = days.findIndex((d) => side(d, 'plank').dials.position === 'on your toes');
		expect(change).toBeGreaterThan(0);
		const before = side(days[change - 1]!, 'plank');
		const after = side(days[change]!, 'plank');
		expect(after.dials.hold).toBe(10);
		expect(after.workSeconds).toBeLessThan(before.workSeconds);
		expect(after.reason).toContain('now on your toes, starting short again');
	});
});

describe('breaks, per exercise and side', { timeout: 30_000 }, () => {
	test('a step back a week, at most half the level after four weeks, the start after eight', () => {
		expect(breakLevel(10, 6)).toBe(10);
		expect(breakLevel(10, 7)).toBe(9);
		expect(breakLevel(10, 21)).toBe(7);
		expect(breakLevel(10, 28)).toBe(5);
		expect(breakLevel(20, 35)).toBe(10);
		expect(breakLevel(10, 56)).toBe(0);
	});

	test('two weeks away: each exercise comes back two steps lower, and the words say 2 weeks', () => {
		const days = run([...comfortable(14), ...Array(14).fill({}), { session: { pain: 1 } }]);
		const before = side(days[13]!, 'seated-twist', 'left');
		const back = side(days[28]!, 'seated-twist', 'left');
		// The last session before the break had no morning answer after it, so it did not go up.
		expect(back.level).toBe(before.level - 2);
		expect(back.reason).toMatch(/^Welcome back after 2 weeks away/);
	});
});

describe('the morning after means after a night', { timeout: 30_000 }, () => {
	test('an answer given days later does not raise the dose', () => {
		const days = run([{ session: { pain: 1 } }, {}, {}, { morning: 'better' }]);
		expect(side(days[3]!, 'seated-twist', 'left').level).toBe(0);
	});

	test('the words name the day of the answer', () => {
		const days = run([{ session: { pain: 1 } }, { morning: 'same' }]);
		expect(side(days[1]!, 'seated-twist', 'left').reason).toContain(
			'on Tuesday morning your back felt the same'
		);
	});
});

describe('pain ends progression for the day', { timeout: 30_000 }, () => {
	test('a session ended for pain advances nothing', () => {
		const days = run([{ session: { pain: 2, endedForPain: true } }, { morning: 'same' }]);
		for (const e of days[1]!.exercises) expect(e.change).not.toBe('up');
	});

	test('“too much” on a second day in a row steps back again, not back and forth', () => {
		const tooMuch = { pain: 1, tooMuch: [{ exercise: 'seated-twist' }] };
		const days = run(
			[
				...comfortable(4),
				{ morning: 'same', session: tooMuch },
				{ morning: 'same', session: tooMuch },
				{ morning: 'same', session: tooMuch },
				{ morning: 'same' }
			],
			30
		);
		const levels = days.slice(4).map((d) => side(d, 'seated-twist', 'left').level);
		// held once, then down, then down again
		expect(levels).toEqual([4, 4, 3, 2]);
	});

	test('a flare needs two painful session days no more than 3 calendar days apart', () => {
		const far: DiaryDay[] = [
			{ session: { pain: 6 } },
			...Array(14).fill({}),
			{ session: { pain: 6 } },
			{}
		];
		expect(run(far).some((d) => d.flare)).toBe(false);
		const close: DiaryDay[] = [{ session: { pain: 6 } }, {}, {}, { session: { pain: 6 } }, {}];
		expect(run(close).at(-1)!.flare).toBe(true);
	});
});

describe('red flags, carefully', { timeout: 30_000 }, () => {
	const at = (date: string, time: string) => Date.parse(`${date}T${time}:00Z`);
	const checkIn = (date: string, time: string, redFlags: RedFlag[]) => ({
		sessionId: date,
		date,
		at: at(date, time),
		pain: 1,
		flags: [],
		redFlags
	});
	const base = (flags: RedFlag[]): History => ({
		sessions: [],
		checkIns: [checkIn('2026-03-02', '18:00', flags)],
		mornings: []
	});

	test('bladder, bowel or saddle symptoms stay stopped the same evening, whatever is answered', () => {
		const history: History = {
			...base(['saddle-numbness']),
			followUps: [{ date: '2026-03-02', at: at('2026-03-02', '20:00'), answer: 'gone' }]
		};
		expect(redFlagStop(history, '2026-03-02')?.urgent).toBe(true);
		const noFlagsLater: History = {
			...base(['saddle-numbness']),
			mornings: [
				{ date: '2026-03-03', at: at('2026-03-03', '08:00'), feeling: 'same', redFlags: [] }
			]
		};
		expect(redFlagStop(noFlagsLater, '2026-03-03')?.urgent).toBe(true);
	});

	test('they clear on a later day with an answer that they have gone or a clinician was seen', () => {
		for (const answer of ['gone', 'clinician-seen'] as const) {
			const history: History = {
				...base(['bladder-or-bowel']),
				followUps: [{ date: '2026-03-03', at: at('2026-03-03', '08:05'), answer }]
			};
			expect(redFlagStop(history, '2026-03-03')).toBeUndefined();
		}
		const still: History = {
			...base(['bladder-or-bowel']),
			followUps: [{ date: '2026-03-03', at: at('2026-03-03', '08:05'), answer: 'still-there' }]
		};
		expect(redFlagStop(still, '2026-03-03')).toBeDefined();
	});

	test('reports are ordered by calendar day, so a clock set back does not hide a stop', () => {
		// The later day's report carries an earlier device time.
		const history: History = {
			sessions: [],
			checkIns: [
				checkIn('2026-03-02', '18:00', []),
				{ ...checkIn('2026-03-03', '18:00', ['leg-weakness']), at: at('2026-03-01', '09:00') }
			],
			mornings: []
		};
		expect(redFlagStop(history, '2026-03-03')?.redFlags).toEqual(['leg-weakness']);
	});

	test('a follow-up is its own record: the morning answer still judges the session', () => {
		const days = run([
			{ session: { pain: 1, redFlags: ['pain-below-knee'] } },
			{ morning: 'same', allClear: true }
		]);
		expect(days[1]!.stopped).toBe(false);
		// The session with warning signs stepped back (from the start: held at 0); the follow-up
		// did not re-judge it as "worse".
		expect(side(days[1]!, 'seated-twist', 'left').change).toBe('down');
	});
});

describe('the simulator', { timeout: 30_000 }, () => {
	const ids = new Set(exercises.keys());

	test('a malformed diary names the day and the field', () => {
		const bad = { start: START, days: [{}, { session: { pain: 11 } }] };
		expect(() => parseDiary(bad, ids)).toThrow(DiaryError);
		expect(() => parseDiary(bad, ids)).toThrow(
			'day 1 (2026-03-03): field "session.pain": expected a whole number from 0 to 10, got 11'
		);
		expect(() => parseDiary({ start: '2026-02-30', days: [] }, ids)).toThrow('field "start"');
		expect(() => parseDiary({ start: START, days: [{ sesion: {} }] }, ids)).toThrow(
			'day 0 (2026-03-02): field "sesion"'
		);
		expect(() =>
			parseDiary({ start: START, days: [{ session: { pain: 1, skipped: ['jogging'] } }] }, ids)
		).toThrow('field "session.skipped"');
	});

	test('each day lists every exercise side with its level, work time, dials and reason', () => {
		const [first] = run([{}]);
		expect(first!.exercises).toHaveLength(11);
		expect(side(first!, 'bird-dog', 'left')).toMatchObject({
			level: 0,
			change: 'start',
			dials: { reaches: 5, 'hold at full reach': 2, sets: 1 }
		});
		expect(side(first!, 'bird-dog', 'left').workSeconds).toBe(
			workSeconds(exercises.get('bird-dog')!, 0)
		);
	});
});

describe('properties over random diaries', { timeout: 30_000 }, () => {
	const dayArb: fc.Arbitrary<DiaryDay> = fc.record(
		{
			morning: fc.constantFrom('better', 'same', 'worse'),
			session: fc.record(
				{
					pain: fc.integer({ min: 0, max: 10 }),
					endedForPain: fc.constant(true as const),
					tooMuch: fc.constant([{ exercise: 'bird-dog' }]),
					skipped: fc.constant(['plank'])
				},
				{ requiredKeys: ['pain'] }
			),
			allClear: fc.constant(true as const)
		},
		{ requiredKeys: [] }
	);
	const diaryArb = fc.record({
		budgetMinutes: fc.constantFrom(10, 15, 20, 30),
		days: fc.array(dayArb, { minLength: 1, maxLength: 40 })
	});
	const strength = new Set(
		content.exercises.filter((e) => e.category === 'strength').map((e) => e.id)
	);

	test(
		'budget, small steps, paced strength, no advance after pain, same output',
		{ timeout: 60_000 },
		() => {
			fc.assert(
				fc.property(diaryArb, ({ budgetMinutes, days }) => {
					const diary: Diary = { start: START, budgetMinutes, days };
					const result = simulate(diary, exercises, routine).days;
					expect(simulate(structuredClone(diary), exercises, routine).days).toEqual(result);
					const strengthUp = new Map<string, number>();
					const timesDone = new Map<string, number>();
					result.forEach((day, i) => {
						// The budget is never exceeded, reading time included; or, where the routine cannot
						// fit, the app names what to leave out and the rest fits.
						const seconds = (leftOut: readonly string[]) =>
							day.exercises.length === 0
								? 0
								: budgetSeconds(day, budgetMinutes, new Map(timesDone), leftOut);
						if (day.leaveOut) {
							expect(seconds([])).toBeGreaterThan(budgetMinutes * 60);
							expect(seconds(day.leaveOut)).toBeLessThanOrEqual(budgetMinutes * 60);
						} else expect(seconds([])).toBeLessThanOrEqual(budgetMinutes * 60);
						countDone(timesDone, day, days[i]!);
						if (i === 0) return;
						const yesterday = result[i - 1]!;
						const endedForPain = days[i - 1]!.session?.endedForPain === true;
						for (const e of day.exercises) {
							const before = yesterday.exercises.find((b) => b.id === e.id && b.side === e.side);
							if (!before) continue;
							// No step adds more than 20 % work time.
							if (e.level > before.level)
								expect(e.workSeconds).toBeLessThanOrEqual(before.workSeconds * 1.2 + 1e-9);
							// A session ended for pain is followed by no advance.
							if (endedForPain) expect(e.level).toBeLessThanOrEqual(before.level);
							// Strength never advances on two session days in a row.
							if (strength.has(e.id) && e.level > before.level) {
								const key = `${e.id}:${e.side}`;
								const last = strengthUp.get(key);
								if (last !== undefined) {
									const sessionDaysBetween = days
										.slice(last, i - 1)
										.filter((d) => d.session !== undefined).length;
									expect(sessionDaysBetween).toBeGreaterThanOrEqual(1);
								}
								strengthUp.set(key, i);
							}
						}
					});
				}),
				{ numRuns: 40 }
			);
		}
	);
});

describe('records from before these rules', { timeout: 30_000 }, () => {
	test('an old backup still imports, and its history replays without losing a session day', async () => {
		const { readBackup } = await import('../../src/lib/core/records/backup');
		const { fixtureBackup } = await import('../fixtures/storage/backup');
		const { replay } = await import('../../src/lib/core/progression/progression');
		const old = fixtureBackup();
		const reading = readBackup(JSON.stringify(old));
		expect(reading.ok).toBe(true);
		if (!reading.ok) return;
		const history = reading.backup;
		const today = '2025-03-20';
		const { ladders, plan } = replay({ exercises, routine, history, today });
		const sessionDays = new Set(history.sessions.map((s) => s.date));
		for (const points of ladders.values()) {
			expect(points.map((p) => p.date)).toEqual([...[...sessionDays].sort(), today]);
		}
		expect(plan.exercises.length).toBeGreaterThan(0);
	});

	test('a backup with the chosen time budget reads back as written', async () => {
		const { readBackup } = await import('../../src/lib/core/records/backup');
		const { fixtureBackup } = await import('../fixtures/storage/backup');
		const backup = fixtureBackup();
		backup.settings = { ...backup.settings, budgetMinutes: 20 };
		expect(readBackup(JSON.stringify(backup))).toEqual({ ok: true, backup });
	});
});
