import type { Side } from '../records/history';

/** Sides further apart than this many ladder levels are named as an asymmetry. */
export const ASYMMETRY_STEPS = 2;

export interface Asymmetry {
	behind: 'left' | 'right';
	steps: number;
	/** "Left side is 3 steps behind the right" */
	text: string;
}

/** Names the gap between the two sides when it is wider than ASYMMETRY_STEPS. */
export function asymmetryOf(
	sides: readonly { side: Side; level: number }[]
): Asymmetry | undefined {
	const left = sides.find((s) => s.side === 'left');
	const right = sides.find((s) => s.side === 'right');
	if (!left || !right) return undefined;
	const steps = Math.abs(left.level - right.level);
	if (steps <= ASYMMETRY_STEPS) return undefined;
	const behind = left.level < right.level ? 'left' : 'right';
	const ahead = behind === 'left' ? 'right' : 'left';
	return {
		behind,
		steps,
		text: `${behind === 'left' ? 'Left' : 'Right'} side is ${steps} steps behind the ${ahead}`
	};
}
