import { describe, expect, test } from 'vitest';
import {
	stepPath,
	timeAxis,
	valueScale,
	type ChartBox
} from '../../src/routes/history/chart-scale';

// A 100 by 50 plot with margins of 10: round numbers to read the drawing by.
const BOX: ChartBox = { width: 120, height: 70, left: 10, right: 10, top: 10, bottom: 10 };

describe('the history charts’ scales', () => {
	test('the first day stands on the left edge of the plot and the last on its right edge', () => {
		const time = timeAxis('2026-03-01', '2026-03-11', BOX);

		expect(time.x('2026-03-01')).toBe(10);
		expect(time.x('2026-03-06')).toBe(60);
		expect(time.x('2026-03-11')).toBe(110);
	});

	test('a single day still has width: it is drawn at the left edge, not divided by zero', () => {
		const time = timeAxis('2026-03-01', '2026-03-01', BOX);

		expect(time.span).toBe(1);
		expect(time.x('2026-03-01')).toBe(10);
	});

	test('up to 90 days only the ends are labelled, by date; over 90 the middle too, by month', () => {
		const short = timeAxis('2026-03-01', '2026-03-31', BOX);
		const long = timeAxis('2026-01-01', '2026-06-30', BOX);

		expect(short.ticks).toEqual(['2026-03-01', '2026-03-31']);
		expect(short.anchor(0)).toBe('start');
		expect(short.anchor(1)).toBe('end');
		expect(long.ticks).toHaveLength(3);
		expect(long.anchor(1)).toBe('middle');
		expect(long.label('2026-03-15')).not.toMatch(/15/);
		expect(short.label('2026-03-15')).toMatch(/15/);
	});

	test('the lowest value sits on the bottom of the plot and the highest on its top', () => {
		const y = valueScale(20, 40, BOX);

		expect(y(20)).toBe(60);
		expect(y(30)).toBe(35);
		expect(y(40)).toBe(10);
	});

	test('a dose holds until it changes: steps, not slopes, carried on to the last day', () => {
		const time = timeAxis('2026-03-01', '2026-03-11', BOX);
		const y = valueScale(0, 10, BOX);
		const points = [
			{ date: '2026-03-01', value: 0 },
			{ date: '2026-03-06', value: 10 }
		];

		expect(stepPath(points, time.x, y, '2026-03-11')).toBe('M10.0,60.0H60.0V10.0H110.0');
		expect(stepPath([], time.x, y, '2026-03-11')).toBe('');
	});
});
