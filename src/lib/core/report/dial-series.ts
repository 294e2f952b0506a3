import { asymmetryOf, type Asymmetry } from './asymmetry';
import type { Dial, Exercise } from '../content/definitions';
import type { LocalDate, Side } from '../records/history';
import { ladderKey, sidesOf, type LadderPoint } from '../progression/progression';

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

/**
 * The step each side stands on, over time, for the one summary chart of an exercise: a line per
 * side (one for exercises done on both sides together), changes only.
 */
export function levelSeries(
	exercise: Exercise,
	ladders: ReadonlyMap<string, readonly LadderPoint[]>
): SideLine[] {
	return sidesOf(exercise).map((side) => ({
		side,
		points: changesOnly(
			(ladders.get(ladderKey(exercise.id, side)) ?? []).map((point) => ({
				date: point.date,
				value: point.level
			}))
		)
	}));
}

export interface ChangeRow {
	date: LocalDate;
	/** Each line's value that day, in the lines' order; undefined before a line starts. */
	values: (number | undefined)[];
}

/**
 * Every day a value changed on any line, with each line's value that day, for a chart's table.
 * One walk through the lines' points (each already in date order): linear in the points shown.
 */
export function changeTable(lines: readonly SideLine[]): ChangeRow[] {
	const next = lines.map(() => 0);
	const current: (number | undefined)[] = lines.map(() => undefined);
	const rows: ChangeRow[] = [];
	for (;;) {
		let date: LocalDate | undefined;
		lines.forEach((line, index) => {
			const point = line.points[next[index]!];
			if (point && (date === undefined || point.date < date)) date = point.date;
		});
		if (date === undefined) return rows;
		lines.forEach((line, index) => {
			const point = line.points[next[index]!];
			if (point && point.date === date) {
				current[index] = point.value;
				next[index]! += 1;
			}
		});
		rows.push({ date, values: [...current] });
	}
}
