import type { Exercise } from '../content/definitions';
import { formatAmount } from '../progression/dose';
import type { Side } from '../records/history';
import type { Step } from './player-steps';
import { howToChange, POSITION_WORDS } from '../content/positions';

/** What the player says and shows at each step: plain words, the same on screen and in the voice. */

export const SIDE_WORDS: Record<Side, string> = {
	left: 'Left side',
	right: 'Right side',
	both: ''
};

export const PHASE_WORDS: Record<Step['kind'], string> = {
	prepare: 'Get ready',
	'change-position': 'Change position',
	work: 'Work',
	'switch-side': 'Switch side',
	rest: 'Rest',
	done: 'Done'
};

/** "Left side: right arm and left leg": the side, with what it means where that is not obvious. */
export function sideWords(exercise: Exercise, side: Side): string {
	if (side === 'both') return '';
	const meaning = exercise.sideWords?.[side];
	return meaning ? `${SIDE_WORDS[side]}: ${meaning}` : SIDE_WORDS[side];
}

/** "Left side (right arm and left leg)": the same, to go before a colon of its own. */
export function sideLabel(exercise: Exercise, side: Side): string {
	if (side === 'both') return '';
	const meaning = exercise.sideWords?.[side];
	return meaning ? `${SIDE_WORDS[side]} (${meaning})` : SIDE_WORDS[side];
}

/** The sides in the one order used everywhere: left first, as the routine does them. */
export function sidesInOrder(exercise: Exercise): Side[] {
	return exercise.sides === 'per-side' ? ['left', 'right'] : ['both'];
}

/** What the work of a step is: "6 reps", "8 movements, slowly", or "Hold 20 s". */
export function workWords(step: Step): string {
	if (step.reps && step.movementId) return `${step.reps.count} slow movements`;
	if (step.reps) return `${step.reps.count} ${step.reps.count === 1 ? 'rep' : 'reps'}`;
	if (step.movementId)
		return `Move slowly for ${formatAmount('s', Math.round(step.durationMs / 1000))}`;
	return `Hold ${formatAmount('s', Math.round(step.durationMs / 1000))}`;
}

/**
 * Today's target in words a body can feel, the number second: "Turn until you feel a gentle
 * stretch, a little further than your first day (about 17°)".
 */
export function targetWords(exercise: Exercise, value: number): string | undefined {
	const dial = exercise.dials.find((d) => d.kind === 'range');
	if (!dial) return undefined;
	const amount = formatAmount(dial.unit, value);
	const label = dial.label.charAt(0).toUpperCase() + dial.label.slice(1);
	const feel = dial.feel ?? `${label} only as far as feels easy`;
	const further =
		value > dial.start
			? value >= dial.max
				? ', as far as this exercise goes'
				: ', a little further than your first day'
			: '';
	return `${feel}${further} (about ${amount})`;
}

/** The target of a step, in body words: see targetWords. */
export function rangeWords(exercise: Exercise, step: Step): string | undefined {
	return step.range ? targetWords(exercise, step.range.value) : undefined;
}

/** How to do a change of position, or switch sides: the words shown and spoken. */
export function howToWords(exercise: Exercise, step: Step): string[] {
	// A rest before an exercise in another position is also the change of position.
	if (
		(step.kind === 'change-position' || step.kind === 'rest') &&
		step.fromPosition &&
		step.position
	) {
		return howToChange(step.fromPosition, step.position);
	}
	if (step.kind === 'switch-side') {
		return [
			exercise.switchSide ?? 'Come back to the middle slowly, then get ready for the other side.'
		];
	}
	return [];
}

/** The how-to of a movement, shown while it is done. */
export function movementCue(exercise: Exercise, step: Step): string | undefined {
	return movementOf(exercise, step)?.cue;
}

function movementOf(exercise: Exercise, step: Step) {
	return exercise.movements?.find((m) => m.id === step.movementId);
}

/** The title shown as the page heading for a step. */
export function stepTitle(exercise: Exercise, step: Step): string {
	if (step.kind === 'done') return 'Routine complete';
	if (step.kind === 'change-position' && step.position) {
		const where = POSITION_WORDS[step.position];
		return where.charAt(0).toUpperCase() + where.slice(1);
	}
	const movement = movementOf(exercise, step);
	return movement ? `${exercise.name}: ${movement.name}` : exercise.name;
}

/** Spoken when a step begins. */
export function announcement(step: Step, exercise: Exercise, next: Exercise | undefined): string {
	const side = step.side === 'both' ? '' : ` ${sideWords(exercise, step.side)}.`;
	const sets = step.sets > 1 ? ` Set ${step.set} of ${step.sets}.` : '';
	switch (step.kind) {
		case 'prepare':
			return `Get ready: ${exercise.name}. ${exercise.startingPosition}`;
		case 'change-position':
			return `Change position, slowly. ${howToWords(exercise, step).join('. ')}.`;
		case 'work': {
			const movement = movementOf(exercise, step);
			if (movement) return `${movement.name}. ${movement.cue}`;
			const range = rangeWords(exercise, step);
			return `${exercise.name}.${side}${sets} ${workWords(step)}.${range ? ` ${range}.` : ''} ${exercise.cues[0] ?? ''}`.trim();
		}
		case 'switch-side':
			return `Switch to the ${sideWords(exercise, step.side).toLowerCase()}. ${howToWords(exercise, step).join(' ')}`;
		case 'rest':
			if (next && step.nextExerciseId && step.fromPosition && step.position)
				return `Rest, and change position slowly. ${howToWords(exercise, step).join('. ')}. Next: ${next.name}.`;
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

/**
 * The cue last spoken in a work step at this elapsed time, shown as text so it is there with
 * the sound off: the first cue from the start (it is said with the exercise's name), then each
 * one holdCue speaks. It changes only when a new cue is spoken, so a live region showing it
 * does not chatter every second.
 */
export function currentCue(
	exercise: Exercise,
	step: Step,
	elapsedSeconds: number
): string | undefined {
	if (step.kind !== 'work') return undefined;
	const movement = movementOf(exercise, step);
	if (movement) return movement.cue;
	if (step.reps) return exercise.cues[0];
	const total = step.durationMs / 1000;
	let index = Math.max(0, Math.floor(elapsedSeconds / CUE_EVERY_SECONDS));
	while (index > 0 && total - index * CUE_EVERY_SECONDS < 5) index -= 1;
	return exercise.cues[index % exercise.cues.length];
}

/** "1:05" */
export function clockText(ms: number): string {
	const seconds = Math.max(0, Math.ceil(ms / 1000));
	return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
