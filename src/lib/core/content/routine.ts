import type { Routine } from './definitions';

export interface RoutineChoices {
	/** Exercise ids in the order the person prefers. */
	routineOrder?: string[];
	/** Exercise ids left out. */
	droppedExercises?: string[];
	/** Rest between exercises in place of the routine's own rests. */
	restSeconds?: number;
	/** Get ready, once an exercise is familiar, in place of the routine's. */
	prepareSeconds?: number;
	/** Time to switch sides, in place of the routine's. */
	switchSideSeconds?: number;
}

/**
 * The routine as this person does it: their order, without the exercises they dropped, with
 * their rest length. Exercises the order does not mention keep their place at the end.
 */
export function personalRoutine(routine: Routine, choices: RoutineChoices): Routine {
	const dropped = new Set(choices.droppedExercises ?? []);
	const order = choices.routineOrder ?? [];
	const rank = (id: string) => {
		const index = order.indexOf(id);
		return index < 0 ? order.length : index;
	};
	const kept = routine.items
		.map((item, index) => ({ item, index }))
		.filter(({ item }) => !dropped.has(item.exercise))
		.sort((a, b) => rank(a.item.exercise) - rank(b.item.exercise) || a.index - b.index)
		.map(({ item }) => (choices.restSeconds === undefined ? item : { exercise: item.exercise }));
	return {
		...routine,
		restSeconds: choices.restSeconds ?? routine.restSeconds,
		prepareSeconds: choices.prepareSeconds ?? routine.prepareSeconds,
		switchSideSeconds: choices.switchSideSeconds ?? routine.switchSideSeconds,
		items: kept.length > 0 ? kept : routine.items
	};
}
