// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Records } from '../../src/lib/app/records.svelte';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { loadHistory } from '../../src/lib/storage/history';
import { listMornings } from '../../src/lib/storage/mornings';
import {
	mondayCheckIn,
	mondaySession,
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
