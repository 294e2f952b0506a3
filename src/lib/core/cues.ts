import type { Exercise } from './definitions';
import { formatAmount } from './dose';
import type { Side } from './history';
import type { Step } from './player-steps';

/** What the player says and shows at each step: plain words, the same on screen and in the voice. */

export const SIDE_WORDS: Record<Side, string> = {
	left: 'Left side',
	right: 'Right side',
	both: ''
};

export const PHASE_WORDS: Record<Step['kind'], string> = {
	prepare: 'Get ready',
	work: 'Work',
	'switch-side': 'Switch side',
	rest: 'Rest',
	done: 'Done'
};

export function workWords(step: Step): string {
	if (step.reps) return `${step.reps.count} ${step.reps.count === 1 ? 'rep' : 'reps'}`;
	return `Hold ${formatAmount('s', Math.round(step.durationMs / 1000))}`;
}

/** "Twist to 24°" */
export function rangeWords(step: Step): string | undefined {
	if (!step.range) return undefined;
	const label = step.range.label.charAt(0).toUpperCase() + step.range.label.slice(1);
	return `${label} to ${formatAmount(step.range.unit, step.range.value)}`;
}

function movementOf(exercise: Exercise, step: Step) {
	return exercise.movements?.find((m) => m.id === step.movementId);
}

/** The title shown as the page heading for a step. */
export function stepTitle(exercise: Exercise, step: Step): string {
	if (step.kind === 'done') return 'Routine complete';
	const movement = movementOf(exercise, step);
	return movement ? `${exercise.name}: ${movement.name}` : exercise.name;
}

/** Spoken when a step begins. */
export function announcement(step: Step, exercise: Exercise, next: Exercise | undefined): string {
	const side = step.side === 'both' ? '' : ` ${SIDE_WORDS[step.side]}.`;
	const sets = step.sets > 1 ? ` Set ${step.set} of ${step.sets}.` : '';
	switch (step.kind) {
		case 'prepare':
			return `Get ready: ${exercise.name}. ${exercise.startingPosition}`;
		case 'work': {
			const movement = movementOf(exercise, step);
			if (movement) return `${movement.name}. ${movement.cue}`;
			const range = rangeWords(step);
			return `${exercise.name}.${side}${sets} ${workWords(step)}.${range ? ` ${range}.` : ''} ${exercise.cues[0] ?? ''}`.trim();
		}
		case 'switch-side':
			return `Switch to the ${step.side} side.`;
		case 'rest':
			return next && step.nextExerciseId ? `Rest. Next: ${next.name}.` : 'Rest.';
		case 'done':
			return 'Well done. That is the whole routine.';
	}
}

/** Seconds between spoken cues during a long hold. */
export const CUE_EVERY_SECONDS = 12;

/**
 * The cue to speak during a hold at this elapsed time, if one falls due in the second that just
 * passed: every CUE_EVERY_SECONDS the next of the exercise's cues, never in the last 5 seconds.
 */
export function holdCue(
	exercise: Exercise,
	step: Step,
	elapsedSeconds: number
): string | undefined {
	if (step.kind !== 'work' || step.reps || step.movementId) return undefined;
	const total = step.durationMs / 1000;
	if (elapsedSeconds <= 0 || elapsedSeconds % CUE_EVERY_SECONDS !== 0) return undefined;
	if (total - elapsedSeconds < 5) return undefined;
	const index = elapsedSeconds / CUE_EVERY_SECONDS;
	return exercise.cues[index % exercise.cues.length];
}

/** "1:05" */
export function clockText(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
