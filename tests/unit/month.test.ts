import { describe, expect, test } from 'vitest';
import {
	addMonths,
	daysInMonth,
	lastDayOf,
	monthGrid,
	monthOf,
	moveFocus,
	weekdayColumns
} from '../../src/lib/core/time/month';

describe('the month grid', () => {
	test('March 2026 starts on a Sunday: six rows when weeks start on Monday', () => {
		const weeks = monthGrid('2026-03');

		expect(weeks).toHaveLength(6);
		expect(weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
		expect(weeks[0]![6]).toEqual({ date: '2026-03-01', day: 1 });
		expect(weeks[5]![1]).toEqual({ date: '2026-03-31', day: 31 });
		expect(weeks[5]!.slice(2)).toEqual([null, null, null, null, null]);
	});

	test('the same month starts the first row when weeks start on Sunday', () => {
		const weeks = monthGrid('2026-03', 0);

		expect(weeks[0]![0]).toEqual({ date: '2026-03-01', day: 1 });
		expect(weeks).toHaveLength(5);
		expect(weekdayColumns(0)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(weekdayColumns(1)).toEqual([1, 2, 3, 4, 5, 6, 0]);
	});

	test('every day of the month appears once, in order, in rows of seven', () => {
		for (const month of ['2024-02', '2025-02', '2026-01', '2026-04', '2026-12']) {
			const weeks = monthGrid(month);
			const days = weeks.flat().filter((cell) => cell !== null);
			expect(weeks.every((week) => week.length === 7)).toBe(true);
			expect(days.map((cell) => cell.day)).toEqual(
				Array.from({ length: daysInMonth(month) }, (_, i) => i + 1)
			);
		}
	});

	test('February has 29 days in a leap year', () => {
		expect(daysInMonth('2024-02')).toBe(29);
		expect(daysInMonth('2025-02')).toBe(28);
		expect(lastDayOf('2024-02')).toBe('2024-02-29');
	});

	test('months step across the turn of the year', () => {
		expect(addMonths('2026-01', -1)).toBe('2025-12');
		expect(addMonths('2025-12', 1)).toBe('2026-01');
		expect(addMonths('2026-03', -14)).toBe('2025-01');
		expect(monthOf('2026-03-09')).toBe('2026-03');
	});
});

describe('moving between days with the keyboard', () => {
	test('arrows move a day sideways and a week up or down', () => {
		expect(moveFocus('2026-03-10', 'ArrowLeft')).toBe('2026-03-09');
		expect(moveFocus('2026-03-10', 'ArrowRight')).toBe('2026-03-11');
		expect(moveFocus('2026-03-10', 'ArrowUp')).toBe('2026-03-03');
		expect(moveFocus('2026-03-10', 'ArrowDown')).toBe('2026-03-17');
	});

	test('arrows cross into the next and the previous month', () => {
		expect(moveFocus('2026-03-31', 'ArrowRight')).toBe('2026-04-01');
		expect(moveFocus('2026-03-01', 'ArrowLeft')).toBe('2026-02-28');
	});

	test('Home and End go to the start and the end of the week', () => {
		// 2026-03-11 is a Wednesday.
		expect(moveFocus('2026-03-11', 'Home')).toBe('2026-03-09');
		expect(moveFocus('2026-03-11', 'End')).toBe('2026-03-15');
		expect(moveFocus('2026-03-11', 'Home', 0)).toBe('2026-03-08');
		expect(moveFocus('2026-03-11', 'End', 0)).toBe('2026-03-14');
	});

	test('Page Up and Page Down move a month, keeping the day where the month has it', () => {
		expect(moveFocus('2026-03-31', 'PageUp')).toBe('2026-02-28');
		expect(moveFocus('2026-01-31', 'PageDown')).toBe('2026-02-28');
		expect(moveFocus('2026-03-15', 'PageDown')).toBe('2026-04-15');
	});

	test('other keys do not move the focus', () => {
		expect(moveFocus('2026-03-10', 'Enter')).toBeUndefined();
		expect(moveFocus('2026-03-10', 'a')).toBeUndefined();
	});
});
