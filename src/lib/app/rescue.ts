import { buildBackup, backupFileName, type BackupRecords } from '$lib/core/records/backup';
import type { LocalDate } from '$lib/core/records/history';
import { DB_NAME, SETTINGS_KEY } from '$lib/storage/db';

/**
 * The way out when the database cannot be used as this app expects (a newer version of the app
 * left it, or it is damaged): read whatever the known stores hold, at whatever version, into a
 * backup file; or delete the database and start fresh. Plain IndexedDB: the app's own connection
 * is exactly what failed.
 */

const STORES = ['sessions', 'checkIns', 'mornings', 'resets', 'applications', 'followUps'] as const;

function requested<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error ?? new Error('IndexedDB refused the request.'));
	});
}

/** Everything the stores this app knows hold, opened at the version they are at. */
export async function readWhatCanBeRead(
	factory: IDBFactory = globalThis.indexedDB
): Promise<BackupRecords> {
	const db = await requested(factory.open(DB_NAME));
	try {
		const present = [...STORES, 'settings'].filter((name) => db.objectStoreNames.contains(name));
		const all: Record<string, unknown[]> = { sessions: [], checkIns: [], mornings: [], resets: [] };
		let settings: unknown = {};
		if (present.length > 0) {
			const tx = db.transaction(present, 'readonly');
			for (const name of STORES) {
				if (present.includes(name)) all[name] = await requested(tx.objectStore(name).getAll());
			}
			if (present.includes('settings')) {
				settings = (await requested(tx.objectStore('settings').get(SETTINGS_KEY))) ?? {};
			}
		}
		return { ...all, settings } as BackupRecords;
	} finally {
		db.close();
	}
}

/** The text of a backup file of what can be read. */
export async function rescueFile(
	now: number,
	today: LocalDate
): Promise<{ name: string; text: string; sessions: number }> {
	const records = await readWhatCanBeRead();
	return {
		name: backupFileName(today),
		text: JSON.stringify(buildBackup(records, now)),
		sessions: records.sessions.length
	};
}

/** Deletes the app's database; the next opening starts with nothing stored. */
export function startFresh(factory: IDBFactory = globalThis.indexedDB): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = factory.deleteDatabase(DB_NAME);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error ?? new Error('The database was not deleted.'));
		// Another tab still holds it: it lets go on versionchange (db.ts), so this resolves then.
	});
}
