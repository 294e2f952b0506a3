import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/lib/core/time/calendar';
import { streaks } from '../../src/lib/core/report/streaks';

const TODAY = '2026-03-10';

/** The `count` days ending `daysAgo` days before today. */
function run(count: number, daysAgo = 0): string[] {
	return Array.from({ length: count }, (_, i) => addDays(TODAY, -daysAgo - i));
}

describe('streaks', () => {
	test('nobody has a streak before their first session', () => {
		expect(streaks([], TODAY)).toEqual({ current: 0, longest: 0 });
	});

	test('a session today starts a streak of one', () => {
		expect(streaks([TODAY], TODAY)).toEqual({ current: 1, longest: 1, currentSince: TODAY });
	});

	test('days in a row up to today make the current streak', () => {
		expect(streaks(run(5), TODAY)).toEqual({
			current: 5,
			longest: 5,
			currentSince: addDays(TODAY, -4)
		});
	});

	test('a streak that reached yesterday still counts while today is not over', () => {
		expect(streaks(run(3, 1), TODAY)).toMatchObject({ current: 3, longest: 3 });
	});

	test('a missed day ends the current streak but not the longest', () => {
		expect(streaks(run(4, 2), TODAY)).toEqual({ current: 0, longest: 4 });
	});

	test('the longest streak is the longest run, wherever it was', () => {
		const days = [...run(2), ...run(6, 10), ...run(3, 20)];

		expect(streaks(days, TODAY)).toMatchObject({ current: 2, longest: 6 });
	});

	test('two sessions on one day count as one day, in any order', () => {
		const days = [TODAY, addDays(TODAY, -1), TODAY, addDays(TODAY, -2), addDays(TODAY, -1)];

		expect(streaks(days, TODAY)).toMatchObject({ current: 3, longest: 3 });
	});

	test('days after today are left out', () => {
		expect(streaks([addDays(TODAY, 1), addDays(TODAY, 2)], TODAY)).toEqual({
			current: 0,
			longest: 0
		});
	});

	test('a streak runs across the end of a month and of a year', () => {
		const days = ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02'];

		expect(streaks(days, '2026-01-02')).toMatchObject({ current: 4, longest: 4 });
	});

	test('the current streak is never longer than the longest, and both fit the days done', () => {
		const offsets = fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 40 });
		fc.assert(
			fc.property(offsets, (back) => {
				const days = back.map((n) => addDays(TODAY, -n));
				const result = streaks(days, TODAY);
				expect(result.current).toBeLessThanOrEqual(result.longest);
				expect(result.longest).toBeLessThanOrEqual(days.length);
				expect(result.longest > 0).toBe(days.length > 0);
			})
		);
	});
});
