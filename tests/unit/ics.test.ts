import { describe, expect, test } from 'vitest';
import { REMINDER_UID, dailyReminderIcs, isTimeOfDay } from '../../src/lib/core/records/ics';

const NOW = Date.parse('2026-03-02T06:15:42.123Z');

/** Unfolds continuation lines and reads NAME:VALUE pairs (first one wins). */
function properties(text: string): Map<string, string> {
	const lines = text.replace(/\r\n /g, '').split('\r\n');
	const map = new Map<string, string>();
	for (const line of lines) {
		const colon = line.indexOf(':');
		if (colon > 0 && !map.has(line.slice(0, colon)))
			map.set(line.slice(0, colon), line.slice(colon + 1));
	}
	return map;
}

describe('a daily reminder for any calendar', () => {
	const text = dailyReminderIcs({ time: '07:30', startDate: '2026-03-03', now: NOW });
	const props = properties(text);

	test('is one calendar with one event, opened and closed in order', () => {
		const lines = text.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines.at(-1)).toBe('END:VCALENDAR');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
		expect(lines.indexOf('BEGIN:VEVENT')).toBeLessThan(lines.indexOf('END:VEVENT'));
		expect(props.get('VERSION')).toBe('2.0');
		expect(props.get('PRODID')).toBe('-//Back care//Daily reminder//EN');
	});

	test('repeats every day at the chosen local time from the chosen day', () => {
		expect(props.get('RRULE')).toBe('FREQ=DAILY');
		expect(props.get('DTSTART')).toBe('20260303T073000');
	});

	test('has a UID and a DTSTAMP in UTC', () => {
		expect(props.get('UID')).toBe(REMINDER_UID);
		expect(props.get('DTSTAMP')).toBe('20260302T061542Z');
	});

	test('every line ends with CRLF and none is longer than 75 octets', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
		for (const line of text.split('\r\n')) {
			expect(new TextEncoder().encode(line).byteLength).toBeLessThanOrEqual(75);
		}
	});

	test('long text is folded and reads back whole, commas escaped', () => {
		expect(text).toMatch(/\r\n /);
		expect(props.get('DESCRIPTION')).toMatch(
			/^Time for your back-care routine: a gentle warm-up\\, stretches/
		);
		expect(props.get('DESCRIPTION')).toMatch(/bowel control\.$/);
	});

	test('rings when it starts', () => {
		expect(text).toContain('BEGIN:VALARM\r\nACTION:DISPLAY\r\n');
		expect(props.get('TRIGGER')).toBe('PT0M');
	});

	test('refuses a time that is not a time of day', () => {
		expect(isTimeOfDay('07:30')).toBe(true);
		expect(isTimeOfDay('23:59')).toBe(true);
		expect(isTimeOfDay('24:00')).toBe(false);
		expect(isTimeOfDay('7:30')).toBe(false);
		expect(() => dailyReminderIcs({ time: '25:00', startDate: '2026-03-03', now: NOW })).toThrow(
			/not a time of day/
		);
	});
});

test('a reminder made again later carries a higher SEQUENCE, so calendars take the new time', () => {
	const sequenceOf = (text: string) => Number(/\r\nSEQUENCE:(\d+)\r\n/.exec(text)?.[1]);
	const first = dailyReminderIcs({ time: '07:30', startDate: '2026-03-03', now: NOW });
	const changed = dailyReminderIcs({
		time: '18:00',
		startDate: '2026-03-04',
		now: NOW + 86_400_000
	});
	expect(sequenceOf(first)).toBeGreaterThanOrEqual(0);
	expect(sequenceOf(changed)).toBeGreaterThan(sequenceOf(first));
	expect(sequenceOf(changed)).toBeLessThanOrEqual(2_147_483_647);
});
