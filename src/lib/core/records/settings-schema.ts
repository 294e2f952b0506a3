import * as v from 'valibot';
import { IdSchema } from '../content/definitions';
import { YES_NO } from './record-schemas';
import { BUDGET_MINUTES } from '../progression/budget';

/**
 * What each setting may hold, checked when a backup is read. The types of core/records/settings.ts are
 * inferred from it; only the backup code (loaded when used) imports it as a value.
 */

const REST = 'a whole number of seconds from 0 to 300';

/** What the person chose; what they never touched is left out and gets its default. */
export const SettingsSchema = v.strictObject({
	voice: v.optional(v.boolean(YES_NO)),
	beeps: v.optional(v.boolean(YES_NO)),
	vibration: v.optional(v.boolean(YES_NO)),
	/** Rest between exercises, in place of the routine's own rest lengths. */
	restSeconds: v.optional(
		v.pipe(v.number(REST), v.integer(REST), v.minValue(0, REST), v.maxValue(300, REST))
	),
	/** Get ready once an exercise is familiar (it is longer the first few times), in seconds. */
	prepareSeconds: v.optional(
		v.pipe(v.number(REST), v.integer(REST), v.minValue(0, REST), v.maxValue(300, REST))
	),
	/** Time to switch sides, in seconds. */
	switchSideSeconds: v.optional(
		v.pipe(v.number(REST), v.integer(REST), v.minValue(0, REST), v.maxValue(300, REST))
	),
	/** How long the whole routine may take, in minutes; 10 when unset. */
	budgetMinutes: v.optional(v.picklist(BUDGET_MINUTES, 'about 10, 15, 20 or 30 minutes')),
	/** Exercise ids in the order the person prefers, in place of the routine's order. */
	routineOrder: v.optional(v.array(IdSchema, 'a list of exercise ids')),
	/** Exercise ids the person left out of the routine. */
	droppedExercises: v.optional(v.array(IdSchema, 'a list of exercise ids'))
});
