import { error } from '@sveltejs/kit';
import { exerciseById, exercises } from '$lib/content';
import type { EntryGenerator, PageLoad } from './$types';

/** Every exercise gets a prerendered page, so the library works offline. */
export const entries: EntryGenerator = () => exercises.map((exercise) => ({ id: exercise.id }));

export const load: PageLoad = ({ params }) => {
	const exercise = exerciseById.get(params.id);
	if (!exercise) error(404, `There is no exercise called “${params.id}”.`);
	return { exercise };
};
