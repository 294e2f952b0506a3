import type { LocalDate } from '../core/records/history';
import type { RunningApplication } from '../core/care/ice-heat';
import type { ReplayCheckpoint } from '../core/progression/checkpoint';
import type { BackcareDB } from './db';

/** What the app remembers about itself rather than about the person's back. */
export interface Meta {
	/** When everything was last exported to a backup file (ms since the epoch). */
	lastBackupAt: number;
	/** The ice or heat application under way, so a reloaded page carries on counting down. */
	runningApplication: RunningApplication;
	/** The day the person said their spasm started, for the ice-or-heat suggestion. */
	spasmStartedOn: LocalDate;
	/** The session whose check-in the person set aside ("Not now"): it is not asked again. */
	checkInSetAside: string;
	/**
	 * Where the replay of history can start instead of day one (core/progression/checkpoint.ts):
	 * trusted only while its key matches the records, so it needs no care when they change.
	 */
	replayCheckpoint: ReplayCheckpoint;
}

export async function readMeta<Key extends keyof Meta>(
	db: BackcareDB,
	key: Key
): Promise<Meta[Key] | undefined> {
	// The store holds each key's own type: writeMeta is the only way in.
	return (await db.get('meta', key)) as Meta[Key] | undefined;
}

export async function writeMeta<Key extends keyof Meta>(
	db: BackcareDB,
	key: Key,
	value: Meta[Key]
): Promise<void> {
	await db.put('meta', value, key);
}
