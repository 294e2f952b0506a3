/** Why the app's storage could not be used, as the pages explain it. */
export type StorageProblem =
	/** The database was left at a newer version by a newer release of the app (then rolled back). */
	| { kind: 'newer-version' }
	/** Anything else: no IndexedDB, storage cleared or broken, a disk error. */
	| { kind: 'unreadable'; detail: string };

export function storageProblemOf(error: unknown): StorageProblem {
	const name = (error as { name?: unknown } | null)?.name;
	if (name === 'VersionError') return { kind: 'newer-version' };
	return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
}
