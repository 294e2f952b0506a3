// idb recognises IndexedDB objects by the global IDB classes; node has none, fake-indexeddb does.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MAX_BACKUP_BYTES, readBackup, type Backup } from '../../src/lib/core/records/backup';
import { importBackup, readEverything } from '../../src/lib/storage/backup';
import { readMeta, writeMeta } from '../../src/lib/storage/meta';
import { openBackcareDB, type BackcareDB } from '../../src/lib/storage/db';
import { fixtureBackup } from '../fixtures/storage/backup';

/** A good backup, changed by `change` and written out as a file's text. */
function broken(change: (backup: Record<string, unknown> & Backup) => void): string {
	const backup = fixtureBackup() as Record<string, unknown> & Backup;
	change(backup);
	return JSON.stringify(backup);
}

/** The good backup's text with one piece of it replaced. */
function edited(find: string, replace: string): string {
	const text = JSON.stringify(fixtureBackup());
	if (!text.includes(find)) throw new Error(`the fixture has no ${find}`);
	return text.replace(find, replace);
}

const BAD_FILES: { file: string; text: string; problem: RegExp }[] = [
	{ file: 'an empty file', text: '', problem: /^The file is empty\.$/ },
	{
		file: 'a file that is not JSON',
		text: '{"app": "backcare", version: 1',
		problem: /^The file is not a backup: its text is not JSON\.$/
	},
	{
		file: 'JSON that is a list, not an object',
		text: '[1, 2, 3]',
		problem: /^The file is not a Back care backup: it holds no backup object\.$/
	},
	{
		file: 'an object that does not say which app made it',
		text: broken((b) => delete (b as Partial<Backup>).app),
		problem: /does not say which app made it/
	},
	{
		file: "another app's export",
		text: broken((b) => (b.app = 'fitness-tracker' as 'backcare')),
		problem: /^The file was made by another app \("fitness-tracker"\), not by Back care\.$/
	},
	{
		file: 'a file without a format version',
		text: broken((b) => delete (b as Partial<Backup>).version),
		problem: /^The file does not say which backup format it uses\.$/
	},
	{
		file: 'a backup from a newer version of the app',
		text: broken((b) => (b.version = 2 as 1)),
		problem:
			/newer version of Back care \(backup format 2; this app reads format 1\)\. Update the app/
	},
	{
		file: 'a format version written as text',
		text: broken((b) => (b.version = '1' as unknown as 1)),
		problem: /^The file's backup format "1" is not one Back care ever wrote\.$/
	},
	{
		file: 'a file over 50 MB',
		text: JSON.stringify(fixtureBackup()) + ' '.repeat(MAX_BACKUP_BYTES),
		problem: /^The file is too large \(50\.1 MB\); a backup is at most 50 MB\.$/
	},
	{
		file: 'a "__proto__" key deep inside a session',
		text: edited('"endedEarly":false', '"endedEarly":false,"__proto__":{"isAdmin":true}'),
		problem: /^The file holds the key "__proto__", which no backup has; it may be harmful\.$/
	},
	{
		file: 'a "constructor" key at the top',
		text: edited('{"app"', '{"constructor":{"name":"Object"},"app"'),
		problem: /^The file holds the key "constructor"/
	},
	{
		file: 'a "prototype" key in the settings',
		text: edited('"settings":{', '"settings":{"prototype":1,'),
		problem: /^The file holds the key "prototype"/
	},
	{
		file: 'pain of 11/10',
		text: broken((b) => (b.checkIns[0]!.pain = 11)),
		problem: /^In check-in 1, "pain" should be a whole number from 0 to 10, but it is 11\.$/
	},
	{
		file: 'a pain of 2.5',
		text: broken((b) => (b.checkIns[1]!.pain = 2.5)),
		problem: /^In check-in 2, "pain" should be a whole number from 0 to 10, but it is 2\.5\.$/
	},
	{
		file: 'the 45th day of the 13th month',
		text: broken((b) => (b.sessions[0]!.date = '2026-13-45')),
		problem:
			/^In session 1, "date" should be a real calendar date as YYYY-MM-DD, but it is "2026-13-45"\.$/
	},
	{
		file: 'the 30th of February',
		text: broken((b) => (b.mornings[1]!.date = '2025-02-30')),
		problem: /^In morning answer 2, "date" should be a real calendar date .*"2025-02-30"\.$/
	},
	{
		file: 'a file without its sessions',
		text: broken((b) => delete (b as Partial<Backup>).sessions),
		problem: /^"sessions" is missing\.$/
	},
	{
		file: 'sessions that are not a list',
		text: broken((b) => (b.sessions = { first: 1 } as unknown as Backup['sessions'])),
		problem: /^"sessions" should be a list of sessions, but it is Object\.$/
	},
	{
		file: 'a field no backup has',
		text: broken((b) => Object.assign(b.sessions[1]!, { mood: 'happy' })),
		problem: /^In session 2, "mood" is not part of a backup\.$/
	},
	{
		file: 'a warning sign the app does not know',
		text: broken((b) => b.checkIns[1]!.redFlags.push('headache' as never)),
		problem:
			/^In check-in 2, warning sign 2, the entry should be one of the warning signs .*, but it is "headache"\.$/
	},
	{
		file: 'a morning that felt "great"',
		text: broken((b) => (b.mornings[0]!.feeling = 'great' as 'same')),
		problem: /^In morning answer 1, "feeling" should be better, same or worse, but it is "great"\.$/
	},
	{
		file: 'a session that ended before it started',
		text: broken((b) => (b.sessions[2]!.endedAt = b.sessions[2]!.startedAt - 1)),
		problem: /^In session 3, "endedAt" should be a time no earlier than the start \(startedAt\)\.$/
	},
	{
		file: 'a start time written as words',
		text: broken((b) => (b.sessions[0]!.startedAt = 'yesterday' as unknown as number)),
		problem:
			/^In session 1, "startedAt" should be a time in milliseconds since 1970, but it is "yesterday"\.$/
	},
	{
		file: 'a level below zero',
		text: broken((b) => (b.sessions[0]!.results[1]!.level = -1)),
		problem:
			/^In session 1, result 2, "level" should be a whole level from 0 to 10000, but it is -1\.$/
	},
	{
		file: 'a side that is neither left, right nor both',
		text: broken((b) => (b.sessions[1]!.results[0]!.side = 'middle' as 'left')),
		problem: /^In session 2, result 1, "side" should be left, right or both, but it is "middle"\.$/
	},
	{
		file: 'a spreadsheet formula for an exercise id',
		text: broken((b) => (b.sessions[0]!.results[0]!.exerciseId = '=HYPERLINK("http://x")')),
		problem:
			/^In session 1, result 1, "exerciseId" should be a lower-case id of letters, digits and dashes/
	},
	{
		file: 'an export time that is not a time',
		text: broken((b) => (b.exportedAt = 'yesterday')),
		problem:
			/^"exportedAt" should be the time of the export as an ISO date and time, but it is "yesterday"\.$/
	},
	{
		file: 'a rest of nearly three hours',
		text: broken((b) => (b.settings.restSeconds = 9999)),
		problem:
			/^In "settings", "restSeconds" should be a whole number of seconds from 0 to 300, but it is 9999\.$/
	},
	{
		file: 'two sessions with one id',
		text: broken((b) => (b.sessions[2]!.id = b.sessions[0]!.id)),
		problem: /^Session 3 has the id "s-2025-03-03-a", which an earlier session already has\.$/
	},
	{
		file: 'a check-in for a session that is not in the file',
		text: broken((b) => (b.checkIns[0]!.sessionId = 'ghost')),
		problem: /^Check-in 1 belongs to session "ghost", which is not in the file\.$/
	},
	{
		file: 'two check-ins for one session',
		text: broken((b) => b.checkIns.push({ ...b.checkIns[0]!, at: b.checkIns[0]!.at + 1 })),
		problem: /^Check-in 3 is a second check-in for session "s-2025-03-03-a"\.$/
	},
	{
		file: 'two answers on one morning',
		text: broken((b) => b.mornings.push({ ...b.mornings[0]! })),
		problem: /^Morning answer 3 is a second answer for 2025-03-04\.$/
	}
];

let db: BackcareDB;
let before: Awaited<ReturnType<typeof readEverything>>;
const LAST_BACKUP = 1_741_200_000_000;

beforeAll(async () => {
	db = await openBackcareDB(new IDBFactory());
	// The device holds something different from the fixture, so any change would show.
	const { app: _a, version: _v, exportedAt: _e, ...records } = fixtureBackup();
	await importBackup(
		db,
		{ ...records, sessions: records.sessions.slice(1), settings: { beeps: false } },
		'replace'
	);
	await writeMeta(db, 'lastBackupAt', LAST_BACKUP);
	before = await readEverything(db);
});

afterAll(() => db.close());

test('there are at least twenty kinds of bad file, each with its own message', () => {
	expect(BAD_FILES.length).toBeGreaterThanOrEqual(20);
	const messages = BAD_FILES.map(({ text }) => {
		const reading = readBackup(text);
		return reading.ok ? '' : reading.problem;
	});
	expect(new Set(messages).size).toBe(BAD_FILES.length);
});

test.each(BAD_FILES)(
	'$file is refused, saying what is wrong, and nothing changes',
	async ({ text, problem }) => {
		const reading = readBackup(text);
		if (reading.ok) await importBackup(db, reading.backup, 'replace');

		expect(reading.ok).toBe(false);
		expect(reading.ok ? '' : reading.problem).toMatch(problem);
		expect(await readEverything(db)).toEqual(before);
		expect(await readMeta(db, 'lastBackupAt')).toBe(LAST_BACKUP);
	}
);

test('no refused file reached the prototype of plain objects', () => {
	expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
});
