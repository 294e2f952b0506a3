import { expect, test } from 'vitest';
import { addDays } from '../../src/lib/core/calendar';
import { dialSeries, sideAsymmetry } from '../../src/lib/core/dial-series';
import type { DoseChange, LadderPoint } from '../../src/lib/core/progression';
import { bridge, twist } from './fixtures/definitions';
import type { Exercise } from '../../src/lib/core/definitions';
import { dialsAtLevel } from '../../src/lib/core/dose';

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
