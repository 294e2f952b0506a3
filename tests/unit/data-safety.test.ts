import { expect, test } from 'vitest';
import { dataSafety, type DataSafetyInput } from '../../src/lib/core/records/data-safety';

const DAY = 86_400_000;
const now = Date.UTC(2026, 5, 1, 12);
const base: DataSafetyInput = {
	persistence: 'persistent',
	sessionEndTimes: [now - 2 * DAY, now - DAY],
	now,
	installed: false,
	clearsUnusedSites: false
};

test('nothing to say before the first session', () => {
	expect(dataSafety({ ...base, sessionEndTimes: [] }).kind).toBe('nothing-yet');
});

test('sessions that were never backed up are “not backed up”, with a nudge to export', () => {
	const safety = dataSafety(base);
	expect(safety.kind).toBe('not-backed-up');
	expect(safety.summary).toBe('Not backed up: 2 sessions are only on this device.');
	expect(safety.nudges).toEqual(['Export a backup in Settings and keep the file somewhere safe.']);
});

test('a backup after the last session makes it safe', () => {
	const safety = dataSafety({ ...base, lastBackupAt: now - 1000 });
	expect(safety).toEqual({
		kind: 'safe',
		summary: 'Kept on this device and backed up.',
		nudges: []
	});
});

test('a backup over 14 days old with new sessions since asks for a fresh one', () => {
	const safety = dataSafety({
		...base,
		lastBackupAt: now - 20 * DAY,
		sessionEndTimes: [now - 25 * DAY, now - 3 * DAY]
	});
	expect(safety.kind).toBe('backup-old');
	expect(safety.summary).toBe('Last backup 20 days ago; 1 session since then.');
});

test('an old backup with no new sessions since is still safe', () => {
	const safety = dataSafety({
		...base,
		lastBackupAt: now - 20 * DAY,
		sessionEndTimes: [now - 30 * DAY]
	});
	expect(safety.kind).toBe('safe');
});

test('storage the browser may clear suggests installing the app', () => {
	const safety = dataSafety({ ...base, persistence: 'best-effort', lastBackupAt: now });
	expect(safety.kind).toBe('not-kept');
	expect(safety.nudges).toEqual(['Install the app: browsers keep an installed app’s data longer.']);
	expect(
		dataSafety({ ...base, persistence: 'best-effort', lastBackupAt: now, installed: true }).nudges
	).toEqual([]);
});

test('Safari’s 7-day rule is named where it applies, and not once the app is installed', () => {
	const safari = dataSafety({ ...base, persistence: 'best-effort', clearsUnusedSites: true });
	expect(safari.nudges[0]).toMatch(/deletes a website’s data after 7 days without a visit/);
	const installed = dataSafety({ ...base, clearsUnusedSites: true, installed: true });
	expect(installed.nudges.join(' ')).not.toMatch(/7 days/);
});
