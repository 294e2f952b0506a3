// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadActiveRoutine, saveActiveRoutine } from '../../src/lib/storage/active-routine';
import { DB_VERSION, openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { loadHistory } from '../../src/lib/storage/history';
import { readMeta } from '../../src/lib/storage/meta';
import { listResets, saveReset } from '../../src/lib/storage/resets';
import {
	listApplications,
	listApplicationsBetween,
	loadRunningApplication,
	recordApplicationEnd,
	saveRunningApplication
} from '../../src/lib/storage/applications';
import { listFollowUps, saveFollowUp } from '../../src/lib/storage/follow-ups';
import { latestSession, listSessionsBetween } from '../../src/lib/storage/sessions';
import { loadSettings } from '../../src/lib/storage/settings';
import {
	CHECK_INS,
	FOLLOW_UPS,
	MORNINGS,
	SESSIONS,
	mondayCheckIn,
	mondayEveningSession,
	mondayIce,
	mondaySession,
	thursdayHeat,
	tuesdayCheckIn,
	tuesdayMorning,
	tuesdaySession,
	thursdayClinicianSeen,
	thursdayStillThere,
	wednesdayGone,
	wednesdayMorning,
	wednesdayTwistReset
} from '../fixtures/storage/records';
import { V1_SETTINGS, createV1Database } from '../fixtures/storage/v1';
import { V3_LAST_BACKUP_AT, V3_SETTINGS, createV3Database } from '../fixtures/storage/v3';
import { V4_LAST_BACKUP_AT, V4_SETTINGS, createV4Database } from '../fixtures/storage/v4';
import {
	V2_ACTIVE_ROUTINE,
	V2_LAST_BACKUP_AT,
	V2_SETTINGS,
	createV2Database
} from '../fixtures/storage/v2';

/** Every store with its key path and its indexes (name → key path), as the browser sees them. */
function shapeOf(db: BackcareDB) {
	const raw = unwrap(db);
	const names = [...raw.objectStoreNames];
	const tx = raw.transaction(names);
	return Object.fromEntries(
		names.map((name) => {
			const store = tx.objectStore(name);
			const indexes = [...store.indexNames].map((index) => [index, store.index(index).keyPath]);
			return [name, { keyPath: store.keyPath, indexes: Object.fromEntries(indexes) }];
		})
	);
}

let factory: IDBFactory;
let db: BackcareDB | undefined;

beforeEach(() => {
	factory = new IDBFactory();
});

afterEach(() => db?.close());

/**
 * Each earlier version as a device holds it, and what must be there once today's version opened
 * it: its records read back as the history, its settings with defaults for the rest, its routine
 * in progress and last backup. Version 1 had no by-start index: its sessions were saved before the
 * index existed, and the latest session is still found among them.
 */
const EARLIER_VERSIONS = [
	{
		version: 1,
		create: createV1Database,
		resets: [],
		settings: { voice: false, beeps: true, vibration: true, restSeconds: V1_SETTINGS.restSeconds },
		activeRoutine: undefined,
		lastBackupAt: undefined,
		applications: []
	},
	{
		version: 2,
		create: createV2Database,
		resets: [],
		settings: {
			voice: true,
			beeps: false,
			vibration: true,
			routineOrder: V2_SETTINGS.routineOrder
		},
		activeRoutine: V2_ACTIVE_ROUTINE,
		lastBackupAt: V2_LAST_BACKUP_AT,
		applications: []
	},
	{
		version: 3,
		create: createV3Database,
		resets: [wednesdayTwistReset],
		settings: { voice: false, beeps: true, vibration: true, restSeconds: V3_SETTINGS.restSeconds },
		activeRoutine: undefined,
		lastBackupAt: V3_LAST_BACKUP_AT,
		applications: []
	},
	{
		version: 4,
		create: createV4Database,
		resets: [wednesdayTwistReset],
		settings: { voice: true, beeps: false, vibration: true, restSeconds: V4_SETTINGS.restSeconds },
		activeRoutine: undefined,
		lastBackupAt: V4_LAST_BACKUP_AT,
		applications: [mondayIce]
	}
];

describe.each(EARLIER_VERSIONS)('from version $version', (earlier) => {
	test('everything saved is still there after the upgrade, with no follow-ups', async () => {
		await earlier.create(factory);

		db = await openBackcareDB(factory);

		expect(db.version).toBe(DB_VERSION);
		expect(await db.getAll('sessions')).toEqual(expect.arrayContaining(SESSIONS));
		expect(await db.count('sessions')).toBe(SESSIONS.length);
		expect(await db.getAll('checkIns')).toEqual(expect.arrayContaining(CHECK_INS));
		expect(await db.count('checkIns')).toBe(CHECK_INS.length);
		expect(await db.getAll('mornings')).toEqual(expect.arrayContaining(MORNINGS));
		expect(await db.count('mornings')).toBe(MORNINGS.length);
		expect(await loadHistory(db)).toEqual({
			sessions: [mondaySession, mondayEveningSession, tuesdaySession],
			checkIns: [mondayCheckIn, tuesdayCheckIn],
			mornings: [tuesdayMorning, wednesdayMorning],
			resets: earlier.resets,
			followUps: []
		});
		expect(await listSessionsBetween(db, '2025-03-04', '2025-03-04')).toEqual([tuesdaySession]);
		expect(await latestSession(db)).toEqual(tuesdaySession);
		expect(await listApplications(db)).toEqual(earlier.applications);
		expect(await loadRunningApplication(db)).toBeUndefined();
		expect(await listFollowUps(db)).toEqual([]);
	});

	test('settings chosen then are kept, with defaults for the rest', async () => {
		await earlier.create(factory);

		db = await openBackcareDB(factory);

		expect(await loadSettings(db)).toEqual(earlier.settings);
	});

	test('the routine in progress and the time of the last backup are kept', async () => {
		await earlier.create(factory);

		db = await openBackcareDB(factory);

		expect(await loadActiveRoutine(db, 1)).toEqual(earlier.activeRoutine);
		expect(await readMeta(db, 'lastBackupAt')).toBe(earlier.lastBackupAt);
	});

	test('an upgraded device has the same stores and indexes as a new install', async () => {
		const newInstall = await openBackcareDB(new IDBFactory());
		const expected = shapeOf(newInstall);
		newInstall.close();
		await earlier.create(factory);

		db = await openBackcareDB(factory);

		expect(shapeOf(db)).toEqual(expected);
	});
});

test('a new install has every store with its key path and indexes', async () => {
	db = await openBackcareDB(factory);

	expect(shapeOf(db)).toEqual({
		sessions: { keyPath: 'id', indexes: { 'by-date': 'date', 'by-start': 'startedAt' } },
		checkIns: { keyPath: 'sessionId', indexes: { 'by-date': 'date' } },
		mornings: { keyPath: 'date', indexes: {} },
		settings: { keyPath: null, indexes: {} },
		activeRoutine: { keyPath: null, indexes: {} },
		meta: { keyPath: null, indexes: {} },
		resets: { keyPath: ['exerciseId', 'date'], indexes: {} },
		applications: { keyPath: 'startedAt', indexes: { 'by-date': 'date' } },
		followUps: { keyPath: 'at', indexes: { 'by-date': 'date' } }
	});
});

test('after the upgrade from version 1 a routine in progress can be kept', async () => {
	await createV1Database(factory);

	db = await openBackcareDB(factory);

	const routine = { version: 1, savedAt: 1, state: { step: 2 } };
	await saveActiveRoutine(db, routine);
	expect(await loadActiveRoutine(db, 1)).toEqual(routine);
});

test('opening an up-to-date database again changes nothing', async () => {
	await createV1Database(factory);
	(await openBackcareDB(factory)).close();

	db = await openBackcareDB(factory);

	expect(db.version).toBe(DB_VERSION);
	expect(await db.count('sessions')).toBe(SESSIONS.length);
});

describe.each([
	{ version: 1, create: createV1Database },
	{ version: 2, create: createV2Database }
])('resets on a device upgraded from version $version', ({ create }) => {
	test('an exercise can be started again after the upgrade, and is read with the history', async () => {
		await create(factory);
		db = await openBackcareDB(factory);

		await saveReset(db, wednesdayTwistReset);

		expect(await listResets(db)).toEqual([wednesdayTwistReset]);
		expect((await loadHistory(db)).resets).toEqual([wednesdayTwistReset]);
		expect(await db.count('sessions')).toBe(SESSIONS.length);
	});
});

describe.each([
	{ version: 1, create: createV1Database },
	{ version: 2, create: createV2Database },
	{ version: 3, create: createV3Database }
])('ice and heat on a device upgraded from version $version', ({ create }) => {
	test('an application under way and the ones done are kept, and read by day', async () => {
		await create(factory);
		db = await openBackcareDB(factory);

		const running = {
			kind: 'ice' as const,
			startedAt: mondayIce.startedAt,
			deadline: mondayIce.endedAt
		};
		await saveRunningApplication(db, running);
		expect(await loadRunningApplication(db)).toEqual(running);
		await recordApplicationEnd(db, mondayIce);
		await recordApplicationEnd(db, thursdayHeat);

		expect(await loadRunningApplication(db)).toBeUndefined();
		expect(await listApplications(db)).toEqual([mondayIce, thursdayHeat]);
		expect(await listApplicationsBetween(db, '2025-03-04', '2025-03-31')).toEqual([thursdayHeat]);
		expect(await db.count('sessions')).toBe(SESSIONS.length);
	});
});

describe.each([
	{ version: 1, create: createV1Database },
	{ version: 3, create: createV3Database },
	{ version: 4, create: createV4Database }
])('red-flag follow-ups on a device upgraded from version $version', ({ create }) => {
	test('follow-ups are kept beside the morning answers and read by day, then by time', async () => {
		await create(factory);
		db = await openBackcareDB(factory);

		for (const followUp of FOLLOW_UPS) await saveFollowUp(db, followUp);

		const history = await loadHistory(db);
		expect(history.followUps).toEqual([wednesdayGone, thursdayStillThere, thursdayClinicianSeen]);
		expect(history.mornings).toEqual([tuesdayMorning, wednesdayMorning]);
		expect(await listFollowUps(db)).toEqual(history.followUps);
	});
});
