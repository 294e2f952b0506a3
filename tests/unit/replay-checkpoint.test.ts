import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/lib/core/time/calendar';
import { replay, type Replay } from '../../src/lib/core/progression/progression';
import type { ReplayCheckpoint } from '../../src/lib/core/progression/checkpoint';
import type {
	CheckIn,
	ExerciseFlag,
	History,
	LocalDate,
	MorningAnswer,
	MorningFeeling,
	ProgressionReset,
	RedFlag,
	RedFlagFollowUp,
	SessionRecord,
	Side
} from '../../src/lib/core/records/history';
import { exercises, routine } from './fixtures/definitions';

/**
 * Opening the app replays the history from a checkpoint kept with the records instead of from
 * day one. Whatever the history and wherever the checkpoint was made, the doses, reasons and
 * words must be exactly those of a replay from day one.
 */

const DAY0 = '2026-01-05';
const HOUR = 3_600_000;

function at(date: LocalDate, hours: number): number {
	return Date.parse(`${date}T00:00:00Z`) + hours * HOUR;
}

const dayArb = fc.record({
	/** Days since the previous day of the diary: now and then weeks away. */
	gap: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 70 })),
	sessions: fc.integer({ min: 0, max: 2 }),
	pain: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
	/** Days after the session its check-in was given (after midnight, or days later). */
	checkInLater: fc.constantFrom(0, 0, 1, 6),
	completed: fc.boolean(),
	stoppedLeft: fc.boolean(),
	tooMuchRight: fc.boolean(),
	flag: fc.constantFrom<ExerciseFlag | undefined>(undefined, 'too-much', 'too-easy'),
	redFlag: fc.constantFrom<RedFlag | undefined>(undefined, 'pain-below-knee', 'bladder-or-bowel'),
	morning: fc.constantFrom<MorningFeeling | undefined>(undefined, 'better', 'same', 'worse'),
	/** Hours after midnight the morning answer comes (some fall outside the 6 to 36 h window). */
	morningHour: fc.integer({ min: 1, max: 23 }),
	morningRedFlag: fc.boolean(),
	reset: fc.boolean(),
	followUp: fc.constantFrom<RedFlagFollowUp['answer'] | undefined>(undefined, 'gone', 'still-there')
});
type Day = typeof dayArb extends fc.Arbitrary<infer T> ? T : never;

/** A diary as the app records it, day by day, and the day after its last day. */
function diary(days: readonly Day[]): { history: Required<History>; end: LocalDate } {
	const sessions: SessionRecord[] = [];
	const checkIns: CheckIn[] = [];
	const mornings: MorningAnswer[] = [];
	const resets: ProgressionReset[] = [];
	const followUps: RedFlagFollowUp[] = [];
	let date = DAY0;
	for (const day of days) {
		for (let i = 0; i < day.sessions; i++) {
			const startedAt = at(date, 17 + i * 2);
			const id = `s${sessions.length + 1}`;
			const result = (exerciseId: string, side: Side) => ({
				exerciseId,
				side,
				completed: day.completed,
				stoppedForPain: day.stoppedLeft && side === 'left',
				level: 0,
				...(day.tooMuchRight && side === 'right' ? { tooMuch: true } : {})
			});
			sessions.push({
				id,
				date,
				startedAt,
				endedAt: startedAt + 600_000,
				routineId: 'daily',
				results: [result('twist', 'left'), result('twist', 'right'), result('bridge', 'both')],
				endedEarly: false
			});
			if (day.pain !== undefined)
				checkIns.push({
					sessionId: id,
					date: addDays(date, day.checkInLater),
					at: day.checkInLater > 0 ? at(addDays(date, day.checkInLater), 0.5) : startedAt + 700_000,
					pain: day.pain,
					flags: day.flag ? [{ exerciseId: 'twist', side: 'both', flag: day.flag }] : [],
					redFlags: day.redFlag ? [day.redFlag] : []
				});
		}
		if (day.reset) resets.push({ exerciseId: 'twist', date, at: at(date, 21) });
		if (day.followUp) followUps.push({ date, at: at(date, 22), answer: day.followUp });
		date = addDays(date, day.gap);
		if (day.morning && !mornings.some((m) => m.date === date))
			mornings.push({
				date,
				at: at(date, day.morningHour),
				feeling: day.morning,
				redFlags: day.morningRedFlag ? ['numbness-or-tingling'] : []
			});
	}
	return { history: { sessions, checkIns, mornings, resets, followUps }, end: date };
}

/** What the person had recorded by the end of `day`: the app's view that day. */
function recordedBy(history: Required<History>, day: LocalDate): Required<History> {
	return {
		sessions: history.sessions.filter((s) => s.date <= day),
		checkIns: history.checkIns.filter((c) => c.date <= day),
		mornings: history.mornings.filter((m) => m.date <= day),
		resets: history.resets.filter((r) => r.date <= day),
		followUps: history.followUps.filter((f) => f.date <= day)
	};
}

/** Everything a person and the pages read, its words said (plain data compares exactly). */
function said<T>(value: T): T {
	return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function fromDayOne(history: History, today: LocalDate, budgetMinutes?: number): Replay {
	return replay({
		exercises,
		routine,
		history,
		today,
		...(budgetMinutes ? { budgetMinutes } : {})
	});
}

function fromCheckpoint(
	history: History,
	today: LocalDate,
	checkpoint: ReplayCheckpoint | undefined,
	budgetMinutes?: number
): Replay {
	return replay({
		exercises,
		routine,
		history,
		today,
		...(budgetMinutes ? { budgetMinutes } : {}),
		checkpointing: checkpoint ? { checkpoint } : {}
	});
}

/** The replay from the checkpoint shows the same days as the full one, from where it started. */
function expectSameAsFromDayOne(warm: Replay, cold: Replay): void {
	expect(said(warm.plan)).toEqual(said(cold.plan));
	for (const [key, points] of warm.ladders) {
		const all = cold.ladders.get(key)!;
		expect(said(points)).toEqual(said(all.slice(all.length - points.length)));
	}
}

describe('a checkpoint of the replay', () => {
	const { history, end } = diary(
		Array.from({ length: 40 }, (_, i) => ({
			gap: 1,
			sessions: 1,
			pain: i % 9 === 4 ? 4 : 1,
			checkInLater: 0,
			completed: true,
			stoppedLeft: false,
			tooMuchRight: false,
			flag: undefined,
			redFlag: undefined,
			morning: 'same' as const,
			morningHour: 7,
			morningRedFlag: false,
			reset: false,
			followUp: undefined
		}))
	);

	test('made yesterday, it gives today the doses, reasons and words of a replay from day one, without replaying from day one', () => {
		const yesterday = addDays(end, -1);
		const kept = fromCheckpoint(
			recordedBy(history, addDays(yesterday, -1)),
			yesterday,
			undefined
		).checkpoint!;
		expect(kept.through < yesterday).toBe(true);
		const warm = fromCheckpoint(history, end, kept);
		const cold = fromDayOne(history, end);
		expectSameAsFromDayOne(warm, cold);
		// Only the days after the checkpoint were replayed.
		expect(warm.ladders.get('twist:left')!.length).toBeLessThan(5);
		expect(cold.ladders.get('twist:left')!.length).toBe(41);
		// ... and the checkpoint moved on to today's second-latest session day.
		expect(warm.checkpoint!.settled).toBe(addDays(end, -2));
		expect(said(warm.checkpoint)).toEqual(said(fromCheckpoint(history, end, undefined).checkpoint));
	});

	test('unchanged records keep the very checkpoint, so nothing needs writing', () => {
		const kept = fromCheckpoint(history, end, undefined).checkpoint!;
		expect(fromCheckpoint(history, end, kept).checkpoint).toBe(kept);
	});

	test('a record edited before the checkpoint, another time budget or a new rule makes the replay start from day one', () => {
		const kept = fromCheckpoint(history, end, undefined).checkpoint!;
		const sorer = {
			...history,
			checkIns: history.checkIns.map((c, i) => (i === 3 ? { ...c, pain: 7 } : c))
		};
		const edited = fromCheckpoint(sorer, end, kept);
		expect(edited.ladders.get('twist:left')!.length).toBe(41);
		expectSameAsFromDayOne(edited, fromDayOne(sorer, end));

		const longer = fromCheckpoint(history, end, kept, 20);
		expect(longer.ladders.get('twist:left')!.length).toBe(41);
		expectSameAsFromDayOne(longer, fromDayOne(history, end, 20));

		const olderRules = { ...kept, key: `0${kept.key}` };
		expect(fromCheckpoint(history, end, olderRules).ladders.get('twist:left')!.length).toBe(41);
	});

	test('a check-in given days later for a session before the checkpoint makes it start from day one', () => {
		// The check-in after day 10's session was not given then, so the checkpoint was made without it.
		const without = { ...history, checkIns: history.checkIns.filter((_, i) => i !== 10) };
		const kept = fromCheckpoint(without, end, undefined).checkpoint!;
		const late: CheckIn = {
			...history.checkIns[10]!,
			date: end,
			at: at(end, 1),
			pain: 9,
			redFlags: ['leg-weakness']
		};
		const grown = { ...history, checkIns: history.checkIns.map((c, i) => (i === 10 ? late : c)) };
		const warm = fromCheckpoint(grown, addDays(end, 1), kept);
		expect(warm.ladders.get('twist:left')!.length).toBe(41);
		expectSameAsFromDayOne(warm, fromDayOne(grown, addDays(end, 1)));
	});

	test('for any history and any day the checkpoint was made, the replay from it says exactly what a replay from day one says', () => {
		let started = 0;
		fc.assert(
			fc.property(
				fc.array(dayArb, { minLength: 2, maxLength: 30 }),
				fc.nat(),
				fc.nat(),
				fc.boolean(),
				(days, madeAt, later, edit) => {
					const { history: all, end: last } = diary(days);
					const span = Math.max(1, Math.round((Date.parse(last) - Date.parse(DAY0)) / 86_400_000));
					const made = addDays(DAY0, madeAt % span);
					const today = addDays(made, 1 + (later % span));
					const kept = fromCheckpoint(recordedBy(all, made), addDays(made, 1), undefined);
					let history = recordedBy(all, today);
					if (edit && history.checkIns.length > 0)
						// Someone changed an old record (an import merged another device's answer).
						history = {
							...history,
							checkIns: history.checkIns.map((c, i) =>
								i === 0 ? { ...c, pain: (c.pain + 5) % 11 } : c
							)
						};
					const warm = fromCheckpoint(history, today, kept.checkpoint);
					const cold = fromDayOne(history, today);
					expectSameAsFromDayOne(warm, cold);
					expect(said(warm.checkpoint)).toEqual(
						said(fromCheckpoint(history, today, undefined).checkpoint)
					);
					const points = (r: Replay) => r.ladders.get('twist:left')!.length;
					if (points(warm) < points(cold)) started += 1;
				}
			),
			{ numRuns: 300 }
		);
		// The property held with the checkpoint in use, not only by starting from day one.
		expect(started).toBeGreaterThan(60);
	}, 60_000);
});
