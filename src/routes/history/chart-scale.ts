import { daysBetween } from '$lib/core/time/calendar';
import type { ValuePoint } from '$lib/core/report/dial-series';
import type { LocalDate } from '$lib/core/records/history';
import { mediumDate, shortMonth } from '$lib/ui/format';

/**
 * The geometry the history's charts share: a drawing in its own units (the SVG scales to the
 * width it is given), a time axis from the first to the last day, a value axis, and values drawn
 * as steps that hold until they change.
 */

/** The drawing's size and the margins around its plot, in the drawing's own units. */
export interface ChartBox {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

/** The plot's width and height: the drawing less its margins. */
export function plotSize(box: ChartBox): { width: number; height: number } {
	return { width: box.width - box.left - box.right, height: box.height - box.top - box.bottom };
}

export interface TimeAxis {
	/** Days from the first to the last day, at least 1. */
	span: number;
	/** Where a day stands across the plot. */
	x: (date: LocalDate) => number;
	/** The days labelled under the plot: the ends, and the middle when it spans over 90 days. */
	ticks: LocalDate[];
	/** A tick's words: the month over two months, else the date. */
	label: (date: LocalDate) => string;
	/** The first tick is anchored at its start, the last at its end, the middle at its middle. */
	anchor: (index: number) => 'start' | 'middle' | 'end';
}

export function timeAxis(from: LocalDate, to: LocalDate, box: ChartBox): TimeAxis {
	const span = Math.max(1, daysBetween(from, to));
	const width = plotSize(box).width;
	const ticks =
		span > 90
			? [from, new Date((Date.parse(from) + Date.parse(to)) / 2).toISOString().slice(0, 10), to]
			: [from, to];
	return {
		span,
		x: (date) => box.left + (daysBetween(from, date) / span) * width,
		ticks,
		label: (date) => (span > 62 ? shortMonth(date) : mediumDate(date)),
		anchor: (index) => (index === 0 ? 'start' : index === ticks.length - 1 ? 'end' : 'middle')
	};
}

/** Where a value stands up the plot: `low` on its bottom edge, `high` on its top edge. */
export function valueScale(low: number, high: number, box: ChartBox): (value: number) => number {
	const height = plotSize(box).height;
	return (value) => box.top + (1 - (value - low) / (high - low)) * height;
}

/** A value holds until it changes: steps, not slopes, carried on to the last day `to`. */
export function stepPath(
	points: readonly ValuePoint[],
	x: (date: LocalDate) => number,
	y: (value: number) => number,
	to: LocalDate
): string {
	const [first, ...rest] = points;
	if (!first) return '';
	let path = `M${x(first.date).toFixed(1)},${y(first.value).toFixed(1)}`;
	for (const point of rest) path += `H${x(point.date).toFixed(1)}V${y(point.value).toFixed(1)}`;
	return `${path}H${x(to).toFixed(1)}`;
}
