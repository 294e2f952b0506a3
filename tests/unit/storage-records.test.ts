// idb recognises IndexedDB objects by the global IDB classes and the storage code builds key
// ranges with the global IDBKeyRange; node has neither, so fake-indexeddb provides them.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
	clearActiveRoutine,
	loadActiveRoutine,
	saveActiveRoutine
} from '../../src/lib/storage/active-routine';
import {
	checkInOf,
	listCheckIns,
	listCheckInsBetween,
	saveCheckIn
} from '../../src/lib/storage/checkins';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { loadHistory } from '../../src/lib/storage/history';
import { readMeta, writeMeta } from '../../src/lib/storage/meta';
import {
	listMornings,
	listMorningsBetween,
	morningOf,
	saveMorning
} from '../../src/lib/storage/mornings';
import {
	latestSession,
	listSessions,
	listSessionsBetween,
	saveSession
} from '../../src/lib/storage/sessions';
import { listResets, saveReset } from '../../src/lib/storage/resets';
import { saveFollowUp } from '../../src/lib/storage/follow-ups';
import { loadSettings, updateSettings } from '../../src/lib/storage/settings';
import { DEFAULT_SETTINGS, withDefaults } from '../../src/lib/core/records/settings';
import {
	FOLLOW_UPS,
	mondayCheckIn,
	mondayEveningSession,
	mondaySession,
	tuesdayCheckIn,
	tuesdayMorning,
	tuesdaySession,
	thursdayClinicianSeen,
	thursdayStillThere,
	wednesdayGone,
	wednesdayMorning,
	wednesdayTwistReset
} from '../fixtures/storage/records';

let factory: IDBFactory;
let db: BackcareDB;

beforeEach(async () => {
	factory = new IDBFactory();
	db = await openBackcareDB(factory);
});

afterEach(() => db.close());

describe('sessions', () => {
	test('a finished session comes back exactly as it was saved', async () => {
		await saveSession(db, mondaySession);

		expect(await listSessions(db)).toEqual([mondaySession]);
	});

	test('sessions are listed by day, and within a day by when they started', async () => {
		for (const session of [tuesdaySession, mondayEveningSession, mondaySession]) {
			await saveSession(db, session);
		}

		expect(await listSessions(db)).toEqual([mondaySession, mondayEveningSession, tuesdaySession]);
	});

	test('the sessions of a few days include the first and the last day', async () => {
		for (const session of [mondaySession, mondayEveningSession, tuesdaySession]) {
			await saveSession(db, session);
		}

		expect(await listSessionsBetween(db, '2025-03-03', '2025-03-03')).toEqual([
			mondaySession,
			mondayEveningSession
		]);
		expect(await listSessionsBetween(db, '2025-03-04', '2025-03-10')).toEqual([tuesdaySession]);
		expect(await listSessionsBetween(db, '2025-03-05', '2025-03-01')).toEqual([]);
	});

	test('the latest session is the one started last, whatever its id', async () => {
		expect(await latestSession(db)).toBeUndefined();

		await saveSession(db, mondayEveningSession);
		await saveSession(db, mondaySession);

		expect(await latestSession(db)).toEqual(mondayEveningSession);
	});
});

describe('check-ins', () => {
	test('a check-in with its flags and red flags comes back as it was saved', async () => {
		await saveCheckIn(db, tuesdayCheckIn);

		expect(await checkInOf(db, tuesdaySession.id)).toEqual(tuesdayCheckIn);
		expect(await checkInOf(db, mondaySession.id)).toBeUndefined();
	});

	test('check-ins are listed by day, and found by the days they were given on', async () => {
		await saveCheckIn(db, tuesdayCheckIn);
		await saveCheckIn(db, mondayCheckIn);

		expect(await listCheckIns(db)).toEqual([mondayCheckIn, tuesdayCheckIn]);
		expect(await listCheckInsBetween(db, '2025-03-04', '2025-03-04')).toEqual([tuesdayCheckIn]);
	});
});

describe('morning answers', () => {
	test("a morning's answer comes back as it was given, found by its day", async () => {
		await saveMorning(db, wednesdayMorning);
		await saveMorning(db, tuesdayMorning);

		expect(await morningOf(db, '2025-03-04')).toEqual(tuesdayMorning);
		expect(await listMornings(db)).toEqual([tuesdayMorning, wednesdayMorning]);
		expect(await listMorningsBetween(db, '2025-03-05', '2025-03-31')).toEqual([wednesdayMorning]);
	});

	test('answering again the same morning replaces the first answer', async () => {
		await saveMorning(db, tuesdayMorning);
		const changedMind = {
			...tuesdayMorning,
			at: tuesdayMorning.at + 60_000,
			feeling: 'worse' as const
		};
		await saveMorning(db, changedMind);

		expect(await listMornings(db)).toEqual([changedMind]);
	});
});

describe('the routine in progress', () => {
	interface PlayerState {
		step: number;
		phase: { kind: 'work'; deadline: number; side: 'left' | 'right' };
	}
	const halfway = {
		version: 3,
		savedAt: 1_741_000_000_000,
		state: { step: 4, phase: { kind: 'work', deadline: 1_741_000_012_000, side: 'left' } }
	} satisfies { version: number; savedAt: number; state: PlayerState };

	test('a routine in progress is still there after the app was closed', async () => {
		await saveActiveRoutine(db, halfway);
		db.close();
		db = await openBackcareDB(factory);

		expect(await loadActiveRoutine<PlayerState>(db, 3)).toEqual(halfway);
	});

	test('a routine saved by a player of another format is not resumed', async () => {
		await saveActiveRoutine(db, halfway);

		expect(await loadActiveRoutine<PlayerState>(db, 4)).toBeUndefined();
	});

	test('a routine that was cleared is gone', async () => {
		await saveActiveRoutine(db, halfway);
		await clearActiveRoutine(db);

		expect(await loadActiveRoutine<PlayerState>(db, 3)).toBeUndefined();
	});
});

describe('settings', () => {
	test('voice, beeps and vibration are on until the person turns them off', async () => {
		expect(await loadSettings(db)).toEqual({ voice: true, beeps: true, vibration: true });
	});

	test('a change keeps the other settings and survives closing the app', async () => {
		await updateSettings(db, { beeps: false });
		const settings = await updateSettings(db, {
			restSeconds: 25,
			droppedExercises: ['plank']
		});
		db.close();
		db = await openBackcareDB(factory);

		const expected = {
			...DEFAULT_SETTINGS,
			beeps: false,
			restSeconds: 25,
			droppedExercises: ['plank']
		};
		expect(settings).toEqual(expected);
		expect(await loadSettings(db)).toEqual(expected);
	});

	test('settings saved before a setting existed get its default', () => {
		const savedByAnOlderRelease = { voice: false, restSeconds: 20 };

		expect(withDefaults(savedByAnOlderRelease)).toEqual({
			voice: false,
			beeps: true,
			vibration: true,
			restSeconds: 20
		});
	});

	test("clearing the rest override goes back to the routine's rests", async () => {
		await updateSettings(db, { restSeconds: 40, vibration: false });
		await updateSettings(db, { restSeconds: undefined });

		const settings = await loadSettings(db);
		expect(settings).toEqual({ voice: true, beeps: true, vibration: false });
		expect('restSeconds' in settings).toBe(false);
	});
});

describe('resets', () => {
	test('starting an exercise again is remembered with its day', async () => {
		await saveReset(db, wednesdayTwistReset);
		db.close();
		db = await openBackcareDB(factory);

		expect(await listResets(db)).toEqual([wednesdayTwistReset]);
	});

	test('starting the same exercise again twice on one day keeps one record, the later one', async () => {
		const later = { ...wednesdayTwistReset, at: wednesdayTwistReset.at + 60_000 };
		await saveReset(db, wednesdayTwistReset);
		await saveReset(db, later);

		expect(await listResets(db)).toEqual([later]);
	});

	test('resets of different exercises or days are kept apart, by day', async () => {
		const plankEarlier = {
			exerciseId: 'plank',
			date: '2025-03-04',
			at: wednesdayTwistReset.at - 86_400_000
		};
		const twistLater = {
			...wednesdayTwistReset,
			date: '2025-03-09',
			at: wednesdayTwistReset.at + 4 * 86_400_000
		};
		await saveReset(db, twistLater);
		await saveReset(db, wednesdayTwistReset);
		await saveReset(db, plankEarlier);

		expect(await listResets(db)).toEqual([plankEarlier, wednesdayTwistReset, twistLater]);
	});
});

describe('history', () => {
	test('history holds every session, check-in, morning, reset and follow-up, each in date order', async () => {
		for (const followUp of FOLLOW_UPS) await saveFollowUp(db, followUp);
		await saveReset(db, wednesdayTwistReset);
		await saveMorning(db, wednesdayMorning);
		await saveSession(db, tuesdaySession);
		await saveCheckIn(db, tuesdayCheckIn);
		await saveMorning(db, tuesdayMorning);
		await saveSession(db, mondayEveningSession);
		await saveSession(db, mondaySession);
		await saveCheckIn(db, mondayCheckIn);

		expect(await loadHistory(db)).toEqual({
			sessions: [mondaySession, mondayEveningSession, tuesdaySession],
			checkIns: [mondayCheckIn, tuesdayCheckIn],
			mornings: [tuesdayMorning, wednesdayMorning],
			resets: [wednesdayTwistReset],
			followUps: [wednesdayGone, thursdayStillThere, thursdayClinicianSeen]
		});
	});

	test('a new person has an empty history', async () => {
		expect(await loadHistory(db)).toEqual({
			sessions: [],
			checkIns: [],
			mornings: [],
			resets: [],
			followUps: []
		});
	});
});

test('the time of the last backup is remembered', async () => {
	expect(await readMeta(db, 'lastBackupAt')).toBeUndefined();

	await writeMeta(db, 'lastBackupAt', 1_741_100_000_000);

	expect(await readMeta(db, 'lastBackupAt')).toBe(1_741_100_000_000);
});
