import type { Exercise } from '../core/content/definitions.ts';
import type { AnimationDefinition, JointName, Pose } from '../core/content/pose-schema.ts';
import { dialsAtLevel, formatAmount } from '../core/progression/dose.ts';
import { blendPoses, targetPose } from './pose.ts';

/**
 * The timeline of one loop of an exercise's animation: rest in the start pose, move to today's
 * target, hold it, come back. Pure; the Lottie generator samples it and the tests check it.
 */

export interface LoopTiming {
	/** Seconds in the start pose before each repetition. */
	rest: number;
	/** Seconds to move from the start pose to the target. */
	up: number;
	/** Seconds held at the target. */
	hold: number;
	/** Seconds to come back to the start pose. */
	down: number;
}

/** Seconds to move into and out of a held stretch, and to rest before the next one. */
const HOLD_MOVE_SECONDS = 3;
const HOLD_REST_SECONDS = 1;
/** The rhythm of a warm-up movement, repeated for the whole of its time. */
export const MOVEMENT_TIMING: LoopTiming = { rest: 0.5, up: 2, hold: 0.5, down: 2 };
const REP_REST_SECONDS = 0.5;

/**
 * The loop for an exercise at a dose: a counted repetition follows the tempo (the hold dial
 * replacing the pause at the top); a hold moves in, stays for the hold, and moves out.
 */
export function loopTiming(
	exercise: Exercise,
	holdSeconds: number,
	movementId?: string
): LoopTiming {
	if (movementId !== undefined || exercise.movements) return MOVEMENT_TIMING;
	if (exercise.work.kind === 'reps') {
		const { up, down } = exercise.work.tempo;
		return { rest: REP_REST_SECONDS, up, hold: holdSeconds, down };
	}
	return {
		rest: HOLD_REST_SECONDS,
		up: HOLD_MOVE_SECONDS,
		hold: holdSeconds,
		down: HOLD_MOVE_SECONDS
	};
}

/**
 * How far today's target goes, 0..1: today's range / the range dial's maximum. An exercise without
 * a range dial always goes all the way.
 */
export function rangeFractionAt(exercise: Exercise, level: number): number {
	const range = dialsAtLevel(exercise, level).find((dial) => dial.kind === 'range');
	if (!range || range.max <= 0) return 1;
	return Math.min(1, Math.max(0, range.value / range.max));
}

/**
 * Today's number beside the target marker ("17°", "8 cm"), for an exercise with a range dial; a
 * warm-up movement has none.
 */
export function targetLabel(
	exercise: Exercise,
	rangeFraction: number,
	movementId?: string
): string | undefined {
	const range = exercise.dials.find((dial) => dial.kind === 'range');
	if (!range || movementId !== undefined || exercise.movements) return undefined;
	return formatAmount(range.unit, Math.round(rangeFraction * range.max));
}

/** The animation a movement id picks (the exercise's own without one, or for an unknown id). */
export function animationFor(exercise: Exercise, movementId?: string): AnimationDefinition {
	const movement = exercise.movements?.find((m) => m.id === movementId);
	return movement?.animation ?? exercise.animation;
}

const SWAPPED: Record<JointName, JointName> = {
	torso: 'torso',
	neck: 'neck',
	shoulderL: 'shoulderR',
	elbowL: 'elbowR',
	shoulderR: 'shoulderL',
	elbowR: 'elbowL',
	hipL: 'hipR',
	kneeL: 'kneeR',
	ankleL: 'ankleR',
	hipR: 'hipL',
	kneeR: 'kneeL',
	ankleR: 'ankleL'
};

/** The same pose done with the other arm and leg (twist and roll turn the other way). */
export function swapSides(pose: Pose): Pose {
	const joints: Partial<Record<JointName, number>> = {};
	for (const [name, value] of Object.entries(pose.joints) as [JointName, number][]) {
		joints[SWAPPED[name]] = value;
	}
	const roll = pose.root.roll;
	return {
		root: { ...pose.root, ...(roll !== undefined ? { roll: -roll } : {}) },
		joints,
		...(pose.twist !== undefined ? { twist: -pose.twist } : {})
	};
}

/** A stretch of the loop: from one pose to another (the same pose for a rest or a hold). */
export interface LoopPhase {
	from: Pose;
	to: Pose;
	seconds: number;
	/** True while the figure moves: the blend is eased in and out. */
	moving: boolean;
}

/**
 * The phases of one loop at today's range. An alternating movement does both sides in one loop
 * (out and back on the right, then on the left).
 */
export function loopPhases(
	animation: AnimationDefinition,
	rangeFraction: number,
	timing: LoopTiming
): LoopPhase[] {
	const start = animation.start;
	const targets = [targetPose(animation, rangeFraction)];
	if (animation.alternate) targets.push(swapSides(targets[0]!));
	const phases: LoopPhase[] = [];
	for (const target of targets) {
		phases.push(
			{ from: start, to: start, seconds: timing.rest, moving: false },
			{ from: start, to: target, seconds: timing.up, moving: true },
			{ from: target, to: target, seconds: timing.hold, moving: false },
			{ from: target, to: start, seconds: timing.down, moving: true }
		);
	}
	return phases.filter((phase) => phase.seconds > 0);
}

/** Ease in and out (a smooth step): slow at both ends, as a calm movement is. */
export function easeInOut(t: number): number {
	const x = Math.min(1, Math.max(0, t));
	return x * x * (3 - 2 * x);
}

export interface PoseSample {
	/** Frame number from the start of the loop. */
	frame: number;
	pose: Pose;
}

/**
 * Poses along the loop at whole frames: each phase's ends, and enough steps inside a movement
 * that straight-line interpolation between them follows the joints' arcs.
 */
export function samplePoses(phases: readonly LoopPhase[], frameRate: number): PoseSample[] {
	const samples: PoseSample[] = [];
	let frame = 0;
	for (const phase of phases) {
		const frames = Math.max(1, Math.round(phase.seconds * frameRate));
		const steps = phase.moving ? Math.max(4, Math.min(frames, Math.round(phase.seconds * 6))) : 1;
		if (samples.length === 0) samples.push({ frame, pose: phase.from });
		for (let step = 1; step <= steps; step += 1) {
			const t = step / steps;
			const at = frame + Math.round(t * frames);
			const pose = phase.moving ? blendPoses(phase.from, phase.to, easeInOut(t)) : phase.to;
			samples.push({ frame: at, pose });
		}
		frame += frames;
	}
	return samples;
}
