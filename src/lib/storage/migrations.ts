import type { BackcareDB, UpgradeTransaction } from './db';

/**
 * How the database is built, one version at a time. MIGRATIONS[v - 1] turns version v - 1 into
 * version v, inside the upgrade transaction; a device that skipped versions runs each in turn.
 * A new version is one more entry at the end. Shipped entries never change: devices already
 * hold what they built. Each version has a fixture under tests/fixtures/storage and a test that
 * upgrades it.
 */
export type Migration = (db: BackcareDB, tx: UpgradeTransaction) => void;

/** Version 1: the record stores. */
function createRecordStores(db: BackcareDB): void {
	db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('by-date', 'date');
	db.createObjectStore('checkIns', { keyPath: 'sessionId' }).createIndex('by-date', 'date');
	db.createObjectStore('mornings', { keyPath: 'date' });
	db.createObjectStore('settings');
}

/**
 * Version 2: the routine in progress survives a closed page, the app remembers things about
 * itself (the last backup), and sessions get an index on their start so the latest one is found
 * without reading them all. Creating the index indexes every session already stored.
 */
function addActiveRoutineAndMeta(db: BackcareDB, tx: UpgradeTransaction): void {
	db.createObjectStore('activeRoutine');
	db.createObjectStore('meta');
	tx.objectStore('sessions').createIndex('by-start', 'startedAt');
}

/**
 * Version 3: the person may start an exercise again from the beginning. Keyed by exercise and
 * day, so choosing it twice on one day keeps one record.
 */
function addResets(db: BackcareDB): void {
	db.createObjectStore('resets', { keyPath: ['exerciseId', 'date'] });
}

/**
 * Version 4: ice and heat applications (kind, day, minutes), kept with the history. Keyed by
 * their start, which no two applications on one device share; indexed by day for the calendar
 * and the report.
 */
function addApplications(db: BackcareDB): void {
	db.createObjectStore('applications', { keyPath: 'startedAt' }).createIndex('by-date', 'date');
}

/**
 * Version 5: the answers to "have these signs gone?" after red flags stopped the routine, kept
 * apart from the morning answers they used to overwrite. Keyed by when each was given; indexed
 * by day.
 */
function addFollowUps(db: BackcareDB): void {
	db.createObjectStore('followUps', { keyPath: 'at' }).createIndex('by-date', 'date');
}

export const MIGRATIONS: readonly Migration[] = [
	createRecordStores,
	addActiveRoutineAndMeta,
	addResets,
	addApplications,
	addFollowUps
];
