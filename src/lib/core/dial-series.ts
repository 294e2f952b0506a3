import { asymmetryOf, type Asymmetry } from './asymmetry';
import type { Dial, Exercise } from './definitions';
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
			values: point.dials.map((d) => d.value)
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

/** The left/right gap of a per-side exercise today, named when wider than two steps. */
export function sideAsymmetry(
	exercise: Exercise,
	ladders: ReadonlyMap<string, readonly LadderPoint[]>
): Asymmetry | undefined {
	if (exercise.sides !== 'per-side') return undefined;
	return asymmetryOf(
		(['left', 'right'] as const).map((side) => ({
			side,
			level: ladders.get(ladderKey(exercise.id, side))?.at(-1)?.level ?? 0
		}))
	);
}
