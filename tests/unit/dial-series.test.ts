import { expect, test } from 'vitest';
import { addDays } from '../../src/lib/core/calendar';
import { dialSeries, sideGap } from '../../src/lib/core/dial-series';
import type { DoseChange, LadderPoint } from '../../src/lib/core/progression';
import { bridge, twist } from './fixtures/definitions';

const DAY0 = '2026-03-02';
const change: DoseChange = { kind: 'hold', reason: 'not-done', delta: 0, dials: [], text: '' };

function ladder(levels: number[]): LadderPoint[] {
	return levels.map((level, i) => ({ date: addDays(DAY0, i), level, change }));
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
		{ date: '2026-03-04', value: 20 },
		{ date: '2026-03-05', value: 20 }
	]);
});

test('days without a change are left out, but the first and the last are kept', () => {
	const ladders = new Map([['bridge:both', ladder([0, 0, 0, 1, 1, 1, 1])]]);

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

test('names the side that is ahead, and by how many steps', () => {
	const ladders = new Map([
		['twist:left', ladder([0, 1, 2, 3])],
		['twist:right', ladder([0, 1, 1, 1])]
	]);

	expect(sideGap(twist, ladders)).toEqual({ ahead: 'left', levels: 2 });
	expect(sideGap(bridge, ladders)).toBeUndefined();
	expect(
		sideGap(
			twist,
			new Map([
				['twist:left', ladder([1])],
				['twist:right', ladder([1])]
			])
		)
	).toBeUndefined();
});
