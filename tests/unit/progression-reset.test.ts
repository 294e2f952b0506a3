import { describe, expect, test } from 'vitest';
import { addDays } from '../../src/lib/core/time/calendar';
import { dayPlan, replay, type DayPlan } from '../../src/lib/core/progression/progression';
import type {
	History,
	ProgressionReset,
	SessionRecord,
	Side
} from '../../src/lib/core/records/history';
import { exercises, routine } from './fixtures/definitions';

const DAY0 = '2026-03-02';

/** A session with 1/10 pain every day from DAY0, each followed by a morning that felt the same. */
function goodDays(count: number, resets: ProgressionReset[] = []): History {
	const history: Required<Omit<History, 'followUps'>> = {
		sessions: [],
		checkIns: [],
		mornings: [],
		resets
	};
	for (let i = 0; i < count; i++) {
		const date = addDays(DAY0, i);
		const startedAt = Date.UTC(2026, 2, 2 + i, 7);
		const session: SessionRecord = {
			id: `s${i}`,
			date,
			startedAt,
			endedAt: startedAt + 600_000,
			routineId: 'daily',
			results: [
				{ exerciseId: 'twist', side: 'left', completed: true, stoppedForPain: false, level: 0 },
				{ exerciseId: 'twist', side: 'right', completed: true, stoppedForPain: false, level: 0 },
				{ exerciseId: 'bridge', side: 'both', completed: true, stoppedForPain: false, level: 0 }
			],
			endedEarly: false
		};
		history.sessions.push(session);
		history.checkIns.push({
			sessionId: session.id,
			date,
			at: session.endedAt + 60_000,
			pain: 1,
			flags: [],
			redFlags: []
		});
		history.mornings.push({
			date: addDays(date, 1),
			at: startedAt + 86_400_000 - 3_600_000,
			feeling: 'same',
			redFlags: []
		});
	}
	return history;
}

/** A reset chosen early in the morning, before that day's session at 07:00. */
function reset(exerciseId: string, date: string, time = '06:00'): ProgressionReset {
	return { exerciseId, date, at: Date.parse(`${date}T${time}:00Z`) };
}

function level(plan: DayPlan, exerciseId: string, side: Side): number {
	const dose = plan.exercises
		.find((e) => e.exerciseId === exerciseId)
		?.sides.find((s) => s.side === side);
	if (!dose) throw new Error(`no dose for ${exerciseId} ${side}`);
	return dose.level;
}

const today = addDays(DAY0, 5);

describe('starting an exercise again from the beginning', () => {
	test('five good days raise the twist five steps; a reset today brings it back to the start', () => {
		const before = dayPlan({ exercises, routine, history: goodDays(5), today });
		expect(level(before, 'twist', 'left')).toBe(5);

		const after = dayPlan({
			exercises,
			routine,
			history: goodDays(5, [reset('twist', today)]),
			today
		});

		const left = after.exercises[0]!.sides[0]!;
		expect(left.level).toBe(0);
		expect(left.dials.map((d) => d.value)).toEqual([10, 15]);
		// The last session was done at level 4: that is where the change is measured from.
		expect(left.change).toMatchObject({ kind: 'start', reason: 'reset', delta: -4 });
		expect(left.change.text).toBe(
			'You started this exercise again from the beginning today: twist 10°, hold 15 s'
		);
	});

	test('every side of a per-side exercise starts again', () => {
		const plan = dayPlan({
			exercises,
			routine,
			history: goodDays(5, [reset('twist', today)]),
			today
		});

		expect(level(plan, 'twist', 'left')).toBe(0);
		expect(level(plan, 'twist', 'right')).toBe(0);
	});

	test('the other exercises stay where they were', () => {
		const plan = dayPlan({
			exercises,
			routine,
			history: goodDays(5, [reset('twist', today)]),
			today
		});

		// Bridge, strength work, went up every second green session.
		expect(level(plan, 'bridge', 'both')).toBe(2);
	});

	test('a reset made after the day’s session starts from the beginning the next day', () => {
		const resetOn = addDays(DAY0, 3);
		const history = goodDays(5, [reset('twist', resetOn, '20:00')]);
		const levels = replay({ exercises, routine, history, today })
			.ladders.get('twist:left')!
			.map((p) => `${p.date}:${p.level}`);
		// The session on the 5th was done at level 3, before the reset; the 6th starts at 0.
		expect(levels).toEqual([
			'2026-03-02:0',
			'2026-03-03:1',
			'2026-03-04:2',
			'2026-03-05:3',
			'2026-03-06:0',
			'2026-03-07:1'
		]);
	});

	test('the days before the reset keep the levels they reached', () => {
		const resetOn = addDays(DAY0, 3);
		const without = replay({ exercises, routine, history: goodDays(5), today }).ladders;
		const withReset = replay({
			exercises,
			routine,
			history: goodDays(5, [reset('twist', resetOn)]),
			today
		}).ladders;

		const levels = (ladders: typeof without) =>
			ladders.get('twist:left')!.map((p) => `${p.date}:${p.level}`);
		expect(levels(without)).toEqual([
			'2026-03-02:0',
			'2026-03-03:1',
			'2026-03-04:2',
			'2026-03-05:3',
			'2026-03-06:4',
			'2026-03-07:5'
		]);
		expect(levels(withReset)).toEqual([
			'2026-03-02:0',
			'2026-03-03:1',
			'2026-03-04:2',
			'2026-03-05:0',
			'2026-03-06:1',
			'2026-03-07:2'
		]);
	});

	test('after a reset the exercise climbs again one step a day, by the same rules', () => {
		const resetOn = addDays(DAY0, 3);
		const history = goodDays(5, [reset('twist', resetOn)]);
		const plan = dayPlan({ exercises, routine, history, today });

		expect(level(plan, 'twist', 'left')).toBe(2);
		const ladder = replay({ exercises, routine, history, today }).ladders.get('twist:left')!;
		expect(ladder.find((p) => p.date === resetOn)!.change.text).toBe(
			'You started this exercise again from the beginning today: twist 10°, hold 15 s'
		);
		expect(ladder.find((p) => p.date === addDays(resetOn, 1))!.change.reason).toBe('low-pain');
	});

	test('a reset between sessions is named with the day it was chosen', () => {
		// Sessions on DAY0 and DAY0+1 only; the reset two days before today.
		const history = goodDays(2, [reset('twist', addDays(today, -2))]);

		const left = dayPlan({ exercises, routine, history, today }).exercises[0]!.sides[0]!;

		expect(left.level).toBe(0);
		expect(left.change.text).toBe(
			'You started this exercise again from the beginning 2 days ago: twist 10°, hold 15 s'
		);
	});

	test('a reset dated after today changes nothing yet', () => {
		const history = goodDays(5, [reset('twist', addDays(today, 1))]);

		expect(level(dayPlan({ exercises, routine, history, today }), 'twist', 'left')).toBe(5);
	});

	test('a reset before the first session changes nothing', () => {
		const history = goodDays(5, [reset('twist', addDays(DAY0, -3))]);

		expect(level(dayPlan({ exercises, routine, history, today }), 'twist', 'left')).toBe(5);
	});

	test('the replay stays pure: the same history gives the same plan and is left untouched', () => {
		const history = goodDays(5, [reset('twist', addDays(DAY0, 2))]);
		const copy = structuredClone(history);

		const first = dayPlan({ exercises, routine, history, today });
		const second = dayPlan({ exercises, routine, history, today });

		expect(second).toEqual(first);
		expect(history).toEqual(copy);
	});
});
