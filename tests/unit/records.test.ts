// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Records } from '../../src/lib/app/records.svelte';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { loadHistory } from '../../src/lib/storage/history';
import { listMornings } from '../../src/lib/storage/mornings';
import {
	listApplications,
	loadRunningApplication,
	recordApplicationEnd,
	saveRunningApplication
} from '../../src/lib/storage/applications';
import { readMeta, writeMeta } from '../../src/lib/storage/meta';
import {
	mondayCheckIn,
	mondayIce,
	mondaySession,
	thursdayHeat,
	thursdayClinicianSeen,
	thursdayStillThere,
	tuesdayMorning,
	wednesdayGone,
	wednesdayMorning
} from '../fixtures/storage/records';

let db: BackcareDB;
let records: Records;
/** How many of the next puts fail as on a full disk. */
let failingPuts = 0;
const put = IDBObjectStore.prototype.put;

beforeEach(async () => {
	db = await openBackcareDB(new IDBFactory());
	records = new Records(async () => db);
	failingPuts = 0;
	IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
		if (failingPuts > 0) {
			failingPuts -= 1;
			throw new DOMException('The disk is full.', 'QuotaExceededError');
		}
		return put.apply(this, args);
	} as typeof put;
});

afterEach(() => {
	IDBObjectStore.prototype.put = put;
	db.close();
});

test('a session is stored and then shows in the history', async () => {
	await records.load();
	expect(await records.endSession(mondaySession)).toBe(true);
	expect(records.history.sessions).toEqual([mondaySession]);
	expect((await loadHistory(db)).sessions).toEqual([mondaySession]);
	expect(records.unsaved).toEqual([]);
});

test('a write that fails once is tried again and lands, with nothing said', async () => {
	await records.load();
	failingPuts = 1;
	expect(await records.endSession(mondaySession)).toBe(true);
	expect((await loadHistory(db)).sessions).toEqual([mondaySession]);
	expect(records.unsaved).toEqual([]);
});

test('a write that fails twice waits, is said, and changes no stored state until Try again', async () => {
	await records.load();
	failingPuts = 2;
	expect(await records.endSession(mondaySession)).toBe(false);
	expect(records.unsaved).toEqual(['your routine']);
	expect(records.history.sessions).toEqual([]);
	// What the person did still counts for today's plan and a backup made now.
	expect(records.done().sessions).toEqual([mondaySession]);
	expect((await records.everything()).sessions).toEqual([mondaySession]);

	// The check-in waits behind its session: a backup never holds a check-in without it.
	failingPuts = 2;
	expect(await records.checkIn(mondayCheckIn)).toBe(false);
	expect(records.unsaved).toEqual(['your routine', 'how the routine felt']);
	expect((await loadHistory(db)).checkIns).toEqual([]);

	expect(await records.retry()).toBe(true);
	expect(records.unsaved).toEqual([]);
	const stored = await loadHistory(db);
	expect(stored.sessions).toEqual([mondaySession]);
	expect(stored.checkIns).toEqual([mondayCheckIn]);
	expect(records.history.checkIns).toEqual([mondayCheckIn]);
});

test('a morning answer that cannot be stored still answers the morning, and is stored later', async () => {
	await records.load();
	failingPuts = 2;
	expect(await records.morning(tuesdayMorning)).toBe(false);
	expect(records.done().mornings).toEqual([tuesdayMorning]);
	expect(await records.retry()).toBe(true);
	expect((await loadHistory(db)).mornings).toEqual([tuesdayMorning]);
});

test('a database that cannot be opened is named, and nothing is thrown', async () => {
	const broken = new Records(async () => {
		throw new DOMException(
			'The requested version is less than the existing version.',
			'VersionError'
		);
	});
	expect(await broken.load()).toBe(false);
	expect(broken.problem).toEqual({ kind: 'newer-version' });
});

test('settings that cannot be stored are not changed', async () => {
	await records.load();
	failingPuts = 2;
	await expect(records.updateSettings({ voice: false })).rejects.toThrow('The disk is full.');
	expect(records.settings.voice).toBe(true);
});

test('a follow-up answer is stored beside the morning answer and never replaces it', async () => {
	await records.load();
	await records.morning(wednesdayMorning);

	expect(await records.followUp(wednesdayGone)).toBe(true);

	expect(records.history.followUps).toEqual([wednesdayGone]);
	expect(records.history.mornings).toEqual([wednesdayMorning]);
	expect((await loadHistory(db)).followUps).toEqual([wednesdayGone]);
	expect(await listMornings(db)).toEqual([wednesdayMorning]);
	expect(records.unsaved).toEqual([]);
});

test('two follow-ups on one day are both kept, in the order they were given', async () => {
	await records.load();
	await records.followUp(thursdayClinicianSeen);
	await records.followUp(thursdayStillThere);

	expect(records.history.followUps).toEqual([thursdayStillThere, thursdayClinicianSeen]);
	expect((await loadHistory(db)).followUps).toEqual([thursdayStillThere, thursdayClinicianSeen]);
});

test('a follow-up that cannot be stored waits, is said, still counts, and lands on Try again', async () => {
	await records.load();
	failingPuts = 2;

	expect(await records.followUp(wednesdayGone)).toBe(false);

	expect(records.unsaved).toEqual(['whether the warning signs have gone']);
	expect(records.history.followUps).toEqual([]);
	expect(records.done().followUps).toEqual([wednesdayGone]);
	expect((await records.everything()).followUps).toEqual([wednesdayGone]);
	expect((await loadHistory(db)).followUps).toEqual([]);

	expect(await records.retry()).toBe(true);
	expect(records.history.followUps).toEqual([wednesdayGone]);
	expect((await loadHistory(db)).followUps).toEqual([wednesdayGone]);
});

test('a follow-up that fails once is tried again and lands, with nothing said', async () => {
	await records.load();
	failingPuts = 1;
	expect(await records.followUp(wednesdayGone)).toBe(true);
	expect((await loadHistory(db)).followUps).toEqual([wednesdayGone]);
	expect(records.unsaved).toEqual([]);
	expect(records.hadUnsaved).toBe(false);
});

test('ice and heat are read with the one under way and the day the spasm started', async () => {
	await recordApplicationEnd(db, mondayIce);
	const running = { kind: 'heat' as const, startedAt: 5, deadline: 6 };
	await saveRunningApplication(db, running);
	await writeMeta(db, 'spasmStartedOn', '2026-03-02');

	expect(await records.loadApplications()).toBe(true);

	expect(records.applications).toEqual([mondayIce]);
	expect(records.runningApplication).toEqual(running);
	expect(records.spasmStartedOn).toBe('2026-03-02');
});

test('ice and heat that cannot be read are named, never shown as none', async () => {
	const broken = new Records(async () => {
		throw new DOMException('The disk could not be read.', 'UnknownError');
	});
	expect(await broken.loadApplications()).toBe(false);
	expect(broken.problem).toEqual({ kind: 'unreadable', detail: 'The disk could not be read.' });
});

test('an ice application that fails once is tried again and lands, with nothing said', async () => {
	await records.loadApplications();
	failingPuts = 1;
	expect(await records.endApplication(mondayIce)).toBe(true);
	expect(await listApplications(db)).toEqual([mondayIce]);
	expect(records.applications).toEqual([mondayIce]);
	expect(records.hadUnsaved).toBe(false);
});

test('an ice application that cannot be stored waits, is said, goes in a backup, and lands on Try again', async () => {
	await records.loadApplications();
	const running = { kind: 'ice' as const, startedAt: mondayIce.startedAt, deadline: 1 };
	expect(await records.keepApplication(running)).toBe(true);
	failingPuts = 2;

	expect(await records.endApplication(mondayIce)).toBe(false);

	expect(records.unsaved).toEqual(['your 20 minutes of ice']);
	expect(records.applications).toEqual([]);
	expect(await listApplications(db)).toEqual([]);
	// Not yet let go: a reload would still find it under way and keep it then.
	expect(await loadRunningApplication(db)).toEqual(running);
	expect((await records.everything()).applications).toEqual([mondayIce]);

	expect(await records.retry()).toBe(true);
	expect(records.unsaved).toEqual([]);
	expect(records.applications).toEqual([mondayIce]);
	expect(await listApplications(db)).toEqual([mondayIce]);
	expect(await loadRunningApplication(db)).toBeUndefined();
});

test('a new timer kept while an earlier ending waits is stored after it, so it is not let go', async () => {
	await records.loadApplications();
	failingPuts = 2;
	expect(await records.endApplication(mondayIce)).toBe(false);

	// Still full: the ending is tried first, fails again, and the new timer waits behind it.
	failingPuts = 2;
	const heat = { kind: 'heat' as const, startedAt: thursdayHeat.startedAt, deadline: 9 };
	expect(await records.keepApplication(heat)).toBe(false);
	expect(records.unsaved).toEqual(['your 20 minutes of ice', 'the heat timer under way']);

	expect(await records.retry()).toBe(true);
	expect(await listApplications(db)).toEqual([mondayIce]);
	expect(await loadRunningApplication(db)).toEqual(heat);
});

test('the day a spasm started that cannot be stored waits, is said, and lands on Try again', async () => {
	failingPuts = 2;
	expect(await records.spasmStarted('2026-03-01')).toBe(false);
	expect(records.unsaved).toEqual(['when the spasm started']);
	expect(await readMeta(db, 'spasmStartedOn')).toBeUndefined();

	expect(await records.retry()).toBe(true);
	expect(await readMeta(db, 'spasmStartedOn')).toBe('2026-03-01');
	expect(records.spasmStartedOn).toBe('2026-03-01');
});
