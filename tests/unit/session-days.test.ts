import { describe, expect, test } from 'vitest';
import type {
	CheckIn,
	History,
	MorningAnswer,
	SessionRecord
} from '../../src/lib/core/records/history';
import { checkInRedFlags, isRedFlagPain, isUrgent } from '../../src/lib/core/progression/red-flags';
import {
	byDayThenTime,
	inDayOrder,
	morningAfter,
	painByDay,
	redFlagAnswers,
	routineExercises
} from '../../src/lib/core/progression/session-days';
import { isHighPain } from '../../src/lib/core/progression/progression';
import { exercises, routine } from './fixtures/definitions';

const hour = 3_600_000;

function session(id: string, date: string, at: number): SessionRecord {
	return {
		id,
		date,
		startedAt: at,
		endedAt: at + 600_000,
		routineId: 'daily',
		results: [],
		endedEarly: false
	};
}

function checkIn(sessionId: string, date: string, at: number, pain: number): CheckIn {
	return { sessionId, date, at, pain, flags: [], redFlags: [] };
}

function morning(date: string, at: number, feeling: MorningAnswer['feeling']): MorningAnswer {
	return { date, at, feeling, redFlags: [] };
}

describe('the facts every part of the core reads the same way', () => {
	test('a day’s pain is its highest check-in, on the day of its session', () => {
		const history: History = {
			sessions: [session('a', '2026-03-02', 10 * hour), session('b', '2026-03-02', 20 * hour)],
			// The second check-in was saved after midnight; it still belongs to the session's day.
			checkIns: [
				checkIn('a', '2026-03-02', 11 * hour, 2),
				checkIn('b', '2026-03-03', 25 * hour, 5)
			],
			mornings: []
		};
		expect([...painByDay(history)]).toEqual([['2026-03-02', 5]]);
	});

	test('records are ordered by calendar day first, then time, so a clock set back moves nothing', () => {
		const late = { date: '2026-03-03', at: 1 * hour };
		const early = { date: '2026-03-02', at: 50 * hour };
		const sameDayLater = { date: '2026-03-03', at: 2 * hour };
		expect(inDayOrder([sameDayLater, late, early])).toEqual([early, late, sameDayLater]);
		expect(byDayThenTime(early, late)).toBeLessThan(0);
	});

	test('the morning after a session is the first answer on a later day, up to a limit', () => {
		const mornings = inDayOrder([
			morning('2026-03-02', 1, 'worse'),
			morning('2026-03-04', 3, 'better'),
			morning('2026-03-03', 2, 'same')
		]);
		expect(morningAfter(mornings, '2026-03-02', '2026-03-10')?.feeling).toBe('same');
		expect(morningAfter(mornings, '2026-03-03', '2026-03-03')).toBeUndefined();
		expect(morningAfter(mornings, '2026-03-04', '2026-03-10')).toBeUndefined();
	});

	test('pain 8 or more is a red flag, reported once with the others', () => {
		expect(isRedFlagPain(7)).toBe(false);
		expect(isRedFlagPain(8)).toBe(true);
		expect(checkInRedFlags(9, ['leg-weakness'])).toEqual(['leg-weakness', 'pain-8-plus']);
		expect(checkInRedFlags(9, ['pain-8-plus'])).toEqual(['pain-8-plus']);
		expect(checkInRedFlags(3, [])).toEqual([]);
	});

	test('bladder, bowel or saddle symptoms are urgent; a numb leg alone is not', () => {
		expect(isUrgent(['saddle-numbness'])).toBe(true);
		expect(isUrgent(['bladder-or-bowel', 'leg-weakness'])).toBe(true);
		expect(isUrgent(['numbness-or-tingling'])).toBe(false);
	});

	test('red flags reported come from check-ins (high pain included) and mornings, in day order', () => {
		const history: History = {
			sessions: [session('a', '2026-03-02', 10 * hour)],
			checkIns: [checkIn('a', '2026-03-02', 11 * hour, 8)],
			mornings: [{ ...morning('2026-03-03', 1 * hour, 'same'), redFlags: ['leg-weakness'] }]
		};
		expect(redFlagAnswers(history).map((r) => [r.source, r.redFlags])).toEqual([
			['check-in', ['pain-8-plus']],
			['morning', ['leg-weakness']]
		]);
	});

	test('a routine’s exercises are its items in order, unknown ids left out', () => {
		const withUnknown = { ...routine, items: [...routine.items, { exercise: 'gone' }] };
		expect(routineExercises(withUnknown, exercises).map((e) => e.id)).toEqual(['twist', 'bridge']);
	});

	test('pain above 5 is high enough to step back, and the report’s chart marks the same days', () => {
		expect(isHighPain(5)).toBe(false);
		expect(isHighPain(6)).toBe(true);
	});
});
