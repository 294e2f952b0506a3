import type { Dial, Exercise } from './definitions';
import { dialsAtLevel } from './dose';
import type { LocalDate, Side } from './history';
import { ladderKey, sidesOf, type LadderPoint } from './progression';

/**
 * The dials of an exercise over time, from the replay's ladders, for the history charts: one
 * series per dial, with a line per side. Only the days a value changed are kept (and the first
 * and last day), so three years of daily sessions draw as a few dozen steps.
 */

export interface ValuePoint {
	date: LocalDate;
	value: number;
}

export interface SideLine {
	side: Side;
	points: ValuePoint[];
}

export interface DialSeries {
	kind: Dial['kind'];
	label: string;
	unit: Dial['unit'];
	start: number;
	max: number;
	lines: SideLine[];
}

function changesOnly(points: ValuePoint[]): ValuePoint[] {
	return points.filter(
		(point, index) =>
			index === 0 || index === points.length - 1 || point.value !== points[index - 1]!.value
	);
}

export function dialSeries(
	exercise: Exercise,
	ladders: ReadonlyMap<string, readonly LadderPoint[]>
): DialSeries[] {
	const sides = sidesOf(exercise);
	const valuesBySide = sides.map((side) =>
		(ladders.get(ladderKey(exercise.id, side)) ?? []).map((point) => ({
			date: point.date,
			values: dialsAtLevel(exercise.dials, point.level).map((d) => d.value)
		}))
	);
	return exercise.dials.map((dial, dialIndex) => ({
		kind: dial.kind,
		label: dial.label,
		unit: dial.unit,
		start: dial.start,
		max: dial.max,
		lines: sides.map((side, sideIndex) => ({
			side,
			points: changesOnly(
				valuesBySide[sideIndex]!.map((p) => ({ date: p.date, value: p.values[dialIndex]! }))
			)
		}))
	}));
}

/** How far one side is ahead of the other at the end, in ladder levels; 0 when level. */
export function sideGap(
	exercise: Exercise,
	ladders: ReadonlyMap<string, readonly LadderPoint[]>
): { ahead: Side; levels: number } | undefined {
	if (exercise.sides !== 'per-side') return undefined;
	const left = ladders.get(ladderKey(exercise.id, 'left'))?.at(-1)?.level;
	const right = ladders.get(ladderKey(exercise.id, 'right'))?.at(-1)?.level;
	if (left === undefined || right === undefined || left === right) return undefined;
	return left > right
		? { ahead: 'left', levels: left - right }
		: { ahead: 'right', levels: right - left };
}
