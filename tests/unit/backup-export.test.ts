import { expect, test, vi } from 'vitest';
import { BackupExport } from '../../src/routes/settings/backup-export.svelte';
import { MAX_BACKUP_BYTES, type BackupRecords } from '../../src/lib/core/records/backup';
import type { SaveOutcome } from '../../src/lib/platform/save-file';
import { mondayCheckIn, mondaySession } from '../fixtures/storage/records';

const NOON = Date.UTC(2026, 2, 10, 12);

const everything: BackupRecords = {
	sessions: [mondaySession],
	checkIns: [mondayCheckIn],
	mornings: [],
	resets: [],
	settings: {}
};

/** Exporting with the file's fate decided by the test: a save dialog or a plain download. */
function harness(outcome: () => Promise<SaveOutcome>) {
	const noted: number[] = [];
	const told: number[] = [];
	const files: { name: string; text: string }[] = [];
	const flow = new BackupExport(
		{
			now: () => NOON,
			today: () => '2026-03-10',
			everything: async () => everything,
			save: (name, text) => {
				files.push({ name, text });
				return outcome();
			},
			backedUp: async (at) => {
				noted.push(at);
			}
		},
		(at) => told.push(at)
	);
	return { flow, noted, told, files };
}

test('a backup handed to a plain download is not the last backup until the person says it saved', async () => {
	const h = harness(async () => 'downloaded');
	await h.flow.export();

	expect(h.files).toEqual([{ name: 'backcare-backup-2026-03-10.json', text: expect.any(String) }]);
	expect(h.flow.step).toEqual({ kind: 'asking', sessions: 1, at: NOON });
	expect(h.noted).toEqual([]);
	expect(h.told).toEqual([]);

	await h.flow.answer(true);
	expect(h.noted).toEqual([NOON]);
	expect(h.told).toEqual([NOON]);
	expect(h.flow.step).toEqual({ kind: 'idle' });
	expect(h.flow.note).toBe('Backup saved: 1 session. Keep the file somewhere safe.');
});

test('a download the person says did not arrive is never noted as a backup', async () => {
	const h = harness(async () => 'downloaded');
	await h.flow.export();
	await h.flow.answer(false);

	expect(h.noted).toEqual([]);
	expect(h.told).toEqual([]);
	expect(h.flow.note).toMatch(/^Then it does not count as a backup/);
	// The question is asked once: a late tap on the old answer changes nothing.
	await h.flow.answer(true);
	expect(h.noted).toEqual([]);
});

test('a backup written through the save dialog is the last backup only once the file is written', async () => {
	let written: (outcome: SaveOutcome) => void = () => {};
	const h = harness(() => new Promise((resolve) => (written = resolve)));
	const exporting = h.flow.export();
	// The dialog is open, or the file is being written: nothing is noted yet.
	await vi.waitFor(() => expect(h.files).toHaveLength(1));
	expect(h.noted).toEqual([]);
	expect(h.told).toEqual([]);

	written('saved');
	await exporting;
	expect(h.noted).toEqual([NOON]);
	expect(h.told).toEqual([NOON]);
	expect(h.flow.step).toEqual({ kind: 'idle' });
});

test('a save dialog cancelled or failing notes no backup and says so', async () => {
	const cancelled = harness(async () => 'cancelled');
	await cancelled.flow.export();
	expect(cancelled.noted).toEqual([]);
	expect(cancelled.flow.note).toBe('No backup was saved.');

	const failed = harness(async () => {
		throw new DOMException('The disk is full.', 'QuotaExceededError');
	});
	await failed.flow.export();
	expect(failed.noted).toEqual([]);
	expect(failed.flow.note).toBe('The backup could not be made: The disk is full.');
});

test('a backup too big to import again is said first, saved only if the person chooses, then asked about', async () => {
	const perSession = JSON.stringify(mondaySession).length + 1;
	const sessions = Array.from(
		{ length: Math.ceil(MAX_BACKUP_BYTES / perSession) },
		() => mondaySession
	);
	const files: string[] = [];
	const noted: number[] = [];
	const flow = new BackupExport({
		now: () => NOON,
		today: () => '2026-03-10',
		everything: async () => ({ ...everything, sessions }),
		save: async (name) => {
			files.push(name);
			return 'downloaded';
		},
		backedUp: async (at) => {
			noted.push(at);
		}
	});

	await flow.export();
	expect(flow.note).toMatch(
		/^This backup would be 5\d\.\d MB, more than the 50 MB this app can import again/
	);
	expect(flow.step.kind).toBe('oversized');
	expect(files).toEqual([]);

	await flow.saveAnyway();
	expect(files).toEqual(['backcare-backup-2026-03-10.json']);
	expect(flow.step).toEqual({ kind: 'asking', sessions: sessions.length, at: NOON });
	expect(noted).toEqual([]);
});
