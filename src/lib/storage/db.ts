import { wrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type {
	CheckIn,
	LocalDate,
	MorningAnswer,
	ProgressionReset,
	RedFlagFollowUp,
	SessionRecord
} from '../core/records/history';
import type { CareApplication } from '../core/care/care-days';
import type { SavedRoutine } from './active-routine';
import type { Meta } from './meta';
import { MIGRATIONS } from './migrations';
import type { ChosenSettings } from '../core/records/settings';

/**
 * The one IndexedDB database of the app: its schema, how it is opened and upgraded, and what a
 * connection does when another tab needs a newer version.
 */

export const DB_NAME = 'backcare';

/** Each migration builds the next version, so the newest version is the number of migrations. */
export const DB_VERSION = MIGRATIONS.length;

/** The single record of the settings store and of the activeRoutine store live under these keys. */
export const SETTINGS_KEY = 'settings';
export const ACTIVE_ROUTINE_KEY = 'current';

export interface BackcareSchema extends DBSchema {
	sessions: {
		key: string;
		value: SessionRecord;
		/** by-start arrives in version 2. */
		indexes: { 'by-date': LocalDate; 'by-start': number };
	};
	checkIns: { key: string; value: CheckIn; indexes: { 'by-date': LocalDate } };
	mornings: { key: LocalDate; value: MorningAnswer };
	/** Only what the person chose; defaults are merged in on read (see core/records/settings.ts). */
	settings: { key: typeof SETTINGS_KEY; value: ChosenSettings };
	/** Version 2. */
	activeRoutine: { key: typeof ACTIVE_ROUTINE_KEY; value: SavedRoutine<unknown> };
	/** Version 2. */
	meta: { key: keyof Meta; value: Meta[keyof Meta] };
	/** Version 3: one record per exercise and day it was started again. */
	resets: { key: [exerciseId: string, date: LocalDate]; value: ProgressionReset };
	/** Version 4: ice and heat applications, keyed by when each started. */
	applications: { key: number; value: CareApplication; indexes: { 'by-date': LocalDate } };
	/** Version 5: answers to "have these signs gone?", keyed by when each was given. */
	followUps: { key: number; value: RedFlagFollowUp; indexes: { 'by-date': LocalDate } };
}

export type BackcareDB = IDBPDatabase<BackcareSchema>;
export type UpgradeTransaction = IDBPTransaction<
	BackcareSchema,
	StoreNames<BackcareSchema>[],
	'versionchange'
>;

/** What the UI hears about this tab's connection. */
export type ConnectionNotice =
	/** Another tab opened a newer version (or deleted the data): this tab let go and must reload. */
	| { kind: 'closed-for-upgrade'; newVersion: number | null }
	/** This tab's upgrade waits until another tab, still on the older version, is closed. */
	| { kind: 'upgrade-blocked'; storedVersion: number }
	/** The browser closed the connection itself (storage cleared, disk error). */
	| { kind: 'terminated' };

export type ConnectionListener = (notice: ConnectionNotice) => void;

const listeners = new Set<ConnectionListener>();

/** Hears every connection notice of this page; returns the function that stops listening. */
export function onVersionChange(listener: ConnectionListener): () => void {
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
	};
}

function tell(notice: ConnectionNotice): void {
	for (const listener of [...listeners]) listener(notice);
}

/** Runs every migration from the stored version up to the one being opened. */
function upgrade(
	db: BackcareDB,
	oldVersion: number,
	newVersion: number | null,
	tx: UpgradeTransaction
): void {
	for (let version = oldVersion + 1; version <= (newVersion ?? DB_VERSION); version++) {
		const migrate = MIGRATIONS[version - 1];
		if (!migrate) throw new Error(`No migration builds version ${version} of ${DB_NAME}.`);
		migrate(db, tx);
	}
}

/**
 * A connection that never stands in the way of a newer version: it closes as soon as another tab
 * asks to upgrade, so the other tab never waits on this one.
 */
function letGoForNewerVersions(connection: IDBDatabase): void {
	connection.addEventListener('versionchange', (event) => {
		connection.close();
		tell({ kind: 'closed-for-upgrade', newVersion: event.newVersion });
	});
	// Fired only when the browser ends the connection, never after close().
	connection.addEventListener('close', () => tell({ kind: 'terminated' }));
}

/**
 * Opens the database at the newest version, upgrading what is stored. `factory` is the
 * IndexedDB to use: the browser's, or a fake-indexeddb instance in tests.
 */
export async function openBackcareDB(
	factory: IDBFactory = globalThis.indexedDB
): Promise<BackcareDB> {
	// Absent while pages are prerendered in node, and in some locked-down browsers.
	if (!factory) throw new Error('This browser offers no IndexedDB to keep your progress in.');
	// idb's openDB always opens through the global indexedDB (jakearchibald/idb#259), so the
	// request is made here and handed to idb's `wrap`, as its README offers for IDB objects
	// created elsewhere. What follows mirrors openDB's own event wiring.
	const request = factory.open(DB_NAME, DB_VERSION);
	request.addEventListener('upgradeneeded', (event) => {
		const tx = request.transaction;
		if (!tx) throw new Error('An upgrade of the database came without its transaction.');
		upgrade(
			wrap(request.result) as unknown as BackcareDB,
			event.oldVersion,
			event.newVersion,
			wrap(tx) as unknown as UpgradeTransaction
		);
	});
	request.addEventListener('blocked', (event) => {
		tell({ kind: 'upgrade-blocked', storedVersion: event.oldVersion });
	});
	// Listening from the success event itself leaves no gap in which a versionchange is missed.
	request.addEventListener('success', () => letGoForNewerVersions(request.result));
	const db = await wrap(request);
	if (!db) throw new Error(`The ${DB_NAME} database did not open.`);
	return db as unknown as BackcareDB;
}

/** The key range of the days from `from` to `to`, both included; none when `to` is before `from`. */
export function daysFromTo(from: LocalDate, to: LocalDate): IDBKeyRange | undefined {
	return from <= to ? IDBKeyRange.bound(from, to) : undefined;
}
