import { describe, expect, test } from 'vitest';
import {
	MAX_BACKUP_BYTES,
	backupSizeProblem,
	buildBackup,
	exportSizeProblem,
	mergeRecords,
	previewBackup,
	readBackup,
	type Backup,
	type BackupRecords
} from '../../src/lib/core/records/backup';
import {
	mondayCheckIn,
	mondaySession,
	tuesdayMorning,
	tuesdaySession,
	wednesdayMorning,
	wednesdayTwistReset
} from '../fixtures/storage/records';
import { EXPORTED_AT, fixtureBackup } from '../fixtures/storage/backup';
import { sessionsCsv } from '../../src/lib/core/records/csv';

describe('reading a backup file', () => {
	test('an exported backup reads back exactly as it was written', () => {
		const backup = fixtureBackup();

		const reading = readBackup(JSON.stringify(backup, null, '\t'));

		expect(reading).toEqual({ ok: true, backup });
	});

	test('its envelope names the app, the format and the time of the export', () => {
		expect(fixtureBackup()).toMatchObject({
			app: 'backcare',
			version: 1,
			exportedAt: new Date(EXPORTED_AT).toISOString()
		});
	});

	test('an empty history with no settings chosen is a valid backup too', () => {
		const empty = buildBackup(
			{ sessions: [], checkIns: [], mornings: [], resets: [], settings: {} },
			EXPORTED_AT
		);

		expect(readBackup(JSON.stringify(empty))).toEqual({ ok: true, backup: empty });
	});

	test('a file of up to 50 MB may be read; one byte more may not', () => {
		expect(backupSizeProblem(MAX_BACKUP_BYTES)).toBeUndefined();
		expect(backupSizeProblem(MAX_BACKUP_BYTES + 1)).toBe(
			'The file is too large (50.1 MB); a backup is at most 50 MB.'
		);
	});
});

describe('the preview before an import', () => {
	test('says how many sessions and which days they cover', () => {
		expect(previewBackup(fixtureBackup())).toEqual({
			sessions: 3,
			checkIns: 2,
			mornings: 2,
			resets: 1,
			applications: 0,
			followUps: 0,
			firstDay: '2025-03-03',
			lastDay: '2025-03-04',
			exportedAt: new Date(EXPORTED_AT).toISOString()
		});
	});

	test('has no days for a backup without sessions', () => {
		const empty = buildBackup(
			{ sessions: [], checkIns: [], mornings: [], resets: [], settings: {} },
			EXPORTED_AT
		);

		expect(previewBackup(empty)).toEqual({
			sessions: 0,
			checkIns: 0,
			mornings: 0,
			resets: 0,
			applications: 0,
			followUps: 0,
			exportedAt: empty.exportedAt
		});
	});
});

describe('merging a backup into what the device holds', () => {
	const none: BackupRecords = {
		sessions: [],
		checkIns: [],
		mornings: [],
		resets: [],
		settings: {}
	};

	test('keeps the records of both', () => {
		const device = { ...none, sessions: [mondaySession], checkIns: [mondayCheckIn] };
		const file = { ...none, sessions: [tuesdaySession], mornings: [tuesdayMorning] };

		const merged = mergeRecords(device, file);

		expect(merged.sessions).toEqual([mondaySession, tuesdaySession]);
		expect(merged.checkIns).toEqual([mondayCheckIn]);
		expect(merged.mornings).toEqual([tuesdayMorning]);
	});

	test('where both answered the same morning, the later answer wins', () => {
		const later = { ...tuesdayMorning, at: tuesdayMorning.at + 60_000, feeling: 'worse' as const };

		expect(
			mergeRecords({ ...none, mornings: [later] }, { ...none, mornings: [tuesdayMorning] }).mornings
		).toEqual([later]);
		expect(
			mergeRecords({ ...none, mornings: [tuesdayMorning] }, { ...none, mornings: [later] }).mornings
		).toEqual([later]);
	});

	test('the same session in both is kept once', () => {
		const merged = mergeRecords(
			{ ...none, sessions: [mondaySession], resets: [wednesdayTwistReset] },
			{ ...none, sessions: [mondaySession], resets: [wednesdayTwistReset] }
		);

		expect(merged.sessions).toEqual([mondaySession]);
		expect(merged.resets).toEqual([wednesdayTwistReset]);
	});

	test("the device's settings win; the file's fill in what the device never chose", () => {
		const merged = mergeRecords(
			{ ...none, settings: { voice: true, restSeconds: 30 } },
			{ ...none, settings: { voice: false, beeps: false, restSeconds: 10 } }
		);

		expect(merged.settings).toEqual({ voice: true, beeps: false, restSeconds: 30 });
	});

	test('merging a backup into an empty device gives the backup', () => {
		const backup: Backup = fixtureBackup();
		const { app: _app, version: _version, exportedAt: _at, ...records } = backup;

		expect(mergeRecords(none, records)).toEqual(records);
		expect(mergeRecords(records, records)).toEqual(records);
		expect(mergeRecords(records, none).mornings).toEqual([tuesdayMorning, wednesdayMorning]);
	});
});

test('an export time on a day that does not exist (30 February) is refused', () => {
	const backup = { ...fixtureBackup(), exportedAt: '2026-02-30T10:00:00.000Z' };
	const reading = readBackup(JSON.stringify(backup));
	expect(reading.ok ? '' : reading.problem).toBe(
		'"exportedAt" should be the time of the export as an ISO date and time, but it is "2026-02-30T10:00:00.000Z".'
	);
});

test('a session later than any date a time zone can show is refused, so CSV export never throws', () => {
	const backup = fixtureBackup();
	backup.sessions[0]!.startedAt = 8.64e15 - 1;
	backup.sessions[0]!.endedAt = 8.64e15 - 1;
	const reading = readBackup(JSON.stringify(backup));
	expect(reading.ok).toBe(false);
	expect(reading.ok ? '' : reading.problem).toContain('"startedAt" should be a time');
});

test('the latest time a backup accepts shows as CSV in every time zone, east of UTC too', () => {
	const backup = fixtureBackup();
	const latest = Date.UTC(9999, 11, 31, 9, 59, 59, 999);
	backup.sessions = [{ ...backup.sessions[0]!, startedAt: latest, endedAt: latest }];
	backup.checkIns = [];
	const reading = readBackup(JSON.stringify(backup));
	expect(reading.ok).toBe(true);
	if (!reading.ok) return;
	const history = { ...reading.backup, checkIns: [] };
	for (const offset of [-840, -60, 0, 300, 720]) {
		expect(() => sessionsCsv(history, new Map(), () => offset)).not.toThrow();
	}
});

test('a time a moment later than that, which would not show in every time zone, is refused', () => {
	const backup = fixtureBackup();
	const tooLate = Date.UTC(9999, 11, 31, 10);
	backup.sessions = [{ ...backup.sessions[0]!, startedAt: tooLate, endedAt: tooLate }];
	backup.checkIns = [];
	const reading = readBackup(JSON.stringify(backup));
	expect(reading.ok).toBe(false);
	expect(reading.ok ? '' : reading.problem).toContain('"startedAt" should be a time');
});

test('export warns before it makes a file this app could not import again', () => {
	expect(exportSizeProblem(MAX_BACKUP_BYTES)).toBeUndefined();
	expect(exportSizeProblem(MAX_BACKUP_BYTES + 1)).toBe(
		'This backup would be 50.1 MB, more than the 50 MB this app can import again. Save it anyway to keep a copy, and export the sessions as CSV too.'
	);
});
