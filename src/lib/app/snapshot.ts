import { defaultRoutine, exerciseById } from '$lib/content';
import type { Routine } from '$lib/core/content/definitions';
import type { History, LocalDate } from '$lib/core/records/history';
import { version } from '$app/environment';
import { replay, type DayPlan } from '$lib/core/progression/progression';
import { personalRoutine } from '$lib/core/content/routine';
import type { Settings } from '$lib/core/records/settings';
import type { Records } from './records.svelte';

/** Everything a page needs to show today's routine. */
export interface Snapshot {
	today: LocalDate;
	history: History;
	settings: Settings;
	routine: Routine;
	plan: DayPlan;
}

/**
 * What the person did and their routine, without today's plan: for pages that show the past (the
 * report), which need not replay the whole history to work out a plan they do not show.
 */
export function recordsToday(records: Records, today: LocalDate): Omit<Snapshot, 'plan'> {
	const history = records.done();
	const routine = personalRoutine(defaultRoutine(), records.settings);
	return { today, history, settings: records.settings, routine };
}

/**
 * Today's routine and plan from what the person did, stored or waiting to be stored. Apart from
 * the records owner so that pages without a plan (settings) do not load the progression code.
 */
export function snapshot(records: Records, today: LocalDate): Snapshot {
	const { history, routine } = recordsToday(records, today);
	const given = records.replayCheckpoint;
	// From the checkpoint kept with the records, when it still matches them and this build.
	const { plan, checkpoint } = replay({
		exercises: exerciseById,
		routine,
		history,
		today,
		...(records.settings.budgetMinutes ? { budgetMinutes: records.settings.budgetMinutes } : {}),
		checkpointing: { ...(given ? { checkpoint: given } : {}), build: version }
	});
	if (checkpoint && checkpoint !== given) void records.keepCheckpoint(checkpoint);
	return { today, history, settings: records.settings, routine, plan };
}
