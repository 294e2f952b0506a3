import type { Exercise } from '../content/definitions';
import type { DayPlan } from './progression';

/**
 * A bad day: the back is in spasm or very sore this morning. The routine is then the warm-up and
 * the gentle stretches, at today's doses; the strength work waits for a better day.
 */

/** Warm-up and stretches are gentle; strength work is not for a bad day. */
export function isGentle(exercise: Pick<Exercise, 'category'>): boolean {
	return exercise.category !== 'strength';
}

/** Today's plan for a bad day: the gentle exercises only, each at the dose today's plan gives it. */
export function badDayPlan(plan: DayPlan, exercises: ReadonlyMap<string, Exercise>): DayPlan {
	return {
		...plan,
		exercises: plan.exercises.filter((dose) => {
			const exercise = exercises.get(dose.exerciseId);
			return exercise !== undefined && isGentle(exercise);
		})
	};
}
