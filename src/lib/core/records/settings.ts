import type * as v from 'valibot';
import type { SettingsSchema } from './settings-schema';

/**
 * The settings, defined once: their type (inferred from the schema in settings-schema.ts, which
 * also checks a backup's settings) and their defaults. Storage only reads and writes them
 * (storage/settings.ts). To add a setting, add it to the schema and, when it has a default, to
 * DEFAULT_SETTINGS. The schema is imported as a type only, so pages load no validation code.
 */

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
