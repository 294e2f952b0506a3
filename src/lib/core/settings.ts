import * as v from 'valibot';
import { IdSchema } from './definitions';
import { YES_NO } from './record-schemas';

/**
 * The settings, defined once: what each may hold (the schema, which also checks a backup's
 * settings), the type, and the defaults. Storage only reads and writes them (storage/settings.ts).
 * To add a setting, add it to the schema and, when it has a default, to DEFAULT_SETTINGS.
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
	/** Exercise ids in the order the person prefers, in place of the routine's order. */
	routineOrder: v.optional(v.array(IdSchema, 'a list of exercise ids')),
	/** Exercise ids the person left out of the routine. */
	droppedExercises: v.optional(v.array(IdSchema, 'a list of exercise ids'))
});

/** The settings as chosen: every one may be missing. */
export type ChosenSettings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS = { voice: true, beeps: true, vibration: true } as const;

/** The settings in use: the chosen ones, and the defaults for the rest. */
export type Settings = Omit<ChosenSettings, keyof typeof DEFAULT_SETTINGS> & {
	[Key in keyof typeof DEFAULT_SETTINGS]: NonNullable<ChosenSettings[Key]>;
};

/**
 * Defaults fill in what was never chosen on every read, so a setting added in a later release has
 * its default for everyone who never touched it.
 */
export function withDefaults(chosen: ChosenSettings | undefined): Settings {
	return { ...DEFAULT_SETTINGS, ...withoutUnset(chosen ?? {}) };
}

/** The settings that hold a value; one set back to its default holds none. */
export function withoutUnset(settings: ChosenSettings): ChosenSettings {
	return Object.fromEntries(
		Object.entries(settings).filter(([, value]) => value !== undefined)
	) as ChosenSettings;
}
