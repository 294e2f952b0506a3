import { expect, test } from 'vitest';
import { addDays } from '../../src/lib/core/time/calendar';
import {
	changeTable,
	dialSeries,
	levelSeries,
	sideAsymmetry
} from '../../src/lib/core/report/dial-series';
import type { DoseChange, LadderPoint } from '../../src/lib/core/progression/progression';
import { bridge, twist } from './fixtures/definitions';
import type { Exercise } from '../../src/lib/core/content/definitions';
import { dialsAtLevel } from '../../src/lib/core/progression/dose';

const DAY0 = '2026-03-02';
const change: DoseChange = { kind: 'hold', reason: 'not-done', delta: 0, dials: [], text: '' };

function ladder(levels: number[], exercise: Exercise = twist): LadderPoint[] {
	return levels.map((level, i) => ({
		date: addDays(DAY0, i),
		level,
		dials: dialsAtLevel(exercise, level),
		change
	}));
}

test('each dial gets a line per side, with the values of each level', () => {
	const ladders = new Map([
		['twist:left', ladder([0, 1, 2, 3])],
		['twist:right', ladder([0, 1, 1, 1])]
	]);

	const [turn, hold] = dialSeries(twist, ladders);

	expect(turn).toMatchObject({ kind: 'range', label: 'twist', unit: 'deg', start: 10, max: 20 });
	expect(turn!.lines.map((l) => l.side)).toEqual(['left', 'right']);
	expect(turn!.lines[0]!.points).toEqual([
		{ date: '2026-03-02', value: 10 },
		{ date: '2026-03-03', value: 12 },
		{ date: '2026-03-05', value: 14 }
	]);
	expect(hold!.lines[0]!.points).toEqual([
		{ date: '2026-03-02', value: 15 },
		{ date: '2026-03-04', value: 18 },
		{ date: '2026-03-05', value: 18 }
	]);
});

test('days without a change are left out, but the first and the last are kept', () => {
	const ladders = new Map([['bridge:both', ladder([0, 0, 0, 1, 1, 1, 1], bridge)]]);

	const [reps] = dialSeries(bridge, ladders);

	expect(reps!.lines).toEqual([
		{
			side: 'both',
			points: [
				{ date: '2026-03-02', value: 5 },
				{ date: '2026-03-05', value: 6 },
				{ date: '2026-03-08', value: 6 }
			]
		}
	]);
});

test('an exercise never replayed has empty lines', () => {
	expect(dialSeries(bridge, new Map())[0]!.lines).toEqual([{ side: 'both', points: [] }]);
});

test('names an asymmetry only when the sides are more than two steps apart', () => {
	const ladders = new Map([
		['twist:left', ladder([0, 1, 2, 3, 4])],
		['twist:right', ladder([0, 1, 1, 1, 1])]
	]);
	expect(sideAsymmetry(twist, ladders)).toEqual({
		behind: 'right',
		steps: 3,
		text: 'Right side is 3 steps behind the left'
	});
	expect(sideAsymmetry(bridge, ladders)).toBeUndefined();
	const close = new Map([
		['twist:left', ladder([0, 1, 2])],
		['twist:right', ladder([0, 0, 0])]
	]);
	expect(sideAsymmetry(twist, close)).toBeUndefined();
});

test('the summary line of each side is the step it stands on, changes only', () => {
	const ladders = new Map([
		['twist:left', ladder([0, 1, 1, 2])],
		['twist:right', ladder([0, 0, 0, 0])]
	]);

	expect(levelSeries(twist, ladders)).toEqual([
		{
			side: 'left',
			points: [
				{ date: '2026-03-02', value: 0 },
				{ date: '2026-03-03', value: 1 },
				{ date: '2026-03-05', value: 2 }
			]
		},
		{
			side: 'right',
			points: [
				{ date: '2026-03-02', value: 0 },
				{ date: '2026-03-05', value: 0 }
			]
		}
	]);
});

test("the table has a row for every day either side changed, with both sides' values that day", () => {
	const rows = changeTable([
		{
			side: 'left',
			points: [
				{ date: '2026-03-02', value: 10 },
				{ date: '2026-03-04', value: 12 }
			]
		},
		{
			side: 'right',
			points: [
				{ date: '2026-03-03', value: 10 },
				{ date: '2026-03-04', value: 11 },
				{ date: '2026-03-06', value: 12 }
			]
		}
	]);

	expect(rows).toEqual([
		{ date: '2026-03-02', values: [10, undefined] },
		{ date: '2026-03-03', values: [10, 10] },
		{ date: '2026-03-04', values: [12, 11] },
		{ date: '2026-03-06', values: [12, 12] }
	]);
});

test('ten years of daily changes make one row a day, each with both sides', () => {
	const points = (offset: number) =>
		Array.from({ length: 3650 }, (_, i) => ({ date: addDays(DAY0, i), value: i + offset }));
	const rows = changeTable([
		{ side: 'left', points: points(0) },
		{ side: 'right', points: points(1) }
	]);

	expect(rows).toHaveLength(3650);
	expect(rows.at(-1)).toEqual({ date: addDays(DAY0, 3649), values: [3649, 3650] });
});
