import type { LocalDate } from './history';

/**
 * A daily reminder as an iCalendar file (RFC 5545) that any calendar app imports, with no server:
 * one event repeating every day at the chosen time of day.
 */

export interface ReminderOptions {
	/** "HH:MM", 24-hour, local time. */
	time: string;
	/** The first day of the reminder. */
	startDate: LocalDate;
	/** When the file is made (ms since the epoch), for DTSTAMP. */
	now: number;
	/** Minutes the event lasts in the calendar. */
	durationMinutes?: number;
}

/**
 * The same UID every time: importing a reminder again (say, at another time) updates the one
 * event in calendars that honour UIDs rather than adding a second.
 */
export const REMINDER_UID = 'daily-reminder@backcare.app';

export function isTimeOfDay(time: string): boolean {
	return /^([01]\d|2[0-3]):[0-5]\d$/.test(time);
}

/** Text values escape backslashes, semicolons, commas and line breaks (RFC 5545 3.3.11). */
function escapeText(text: string): string {
	return text
		.replaceAll('\\', '\\\\')
		.replaceAll(';', '\\;')
		.replaceAll(',', '\\,')
		.replace(/\r?\n/g, '\\n');
}

/**
 * Lines longer than 75 octets are folded: a CRLF and a space before each further piece
 * (RFC 5545 3.1), never splitting a character.
 */
function fold(line: string): string {
	const encoder = new TextEncoder();
	const pieces: string[] = [];
	let piece = '';
	let octets = 0;
	for (const char of line) {
		const size = encoder.encode(char).byteLength;
		// The first line holds 75 octets; the next ones 74 after their leading space.
		const limit = pieces.length === 0 ? 75 : 74;
		if (octets + size > limit) {
			pieces.push(piece);
			piece = '';
			octets = 0;
		}
		piece += char;
		octets += size;
	}
	pieces.push(piece);
	return pieces.join('\r\n ');
}

/**
 * The revision of the reminder: a file made later carries a higher SEQUENCE, so a calendar that
 * already holds the event takes the new time instead of ignoring it. Seconds since 2026 fit the
 * 32-bit INTEGER of RFC 5545 until 2094.
 */
function sequence(now: number): number {
	return Math.max(0, Math.floor((now - Date.UTC(2026, 0, 1)) / 1000));
}

/** 20260302T063000Z */
function utcStamp(timestamp: number): string {
	return new Date(timestamp)
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/**
 * The iCalendar text of the daily reminder. DTSTART is a floating local time (no time zone),
 * so the reminder rings at that time of day wherever the phone is.
 */
export function dailyReminderIcs(options: ReminderOptions): string {
	if (!isTimeOfDay(options.time))
		throw new Error(`"${options.time}" is not a time of day (HH:MM).`);
	const start = `${options.startDate.replaceAll('-', '')}T${options.time.replace(':', '')}00`;
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Back care//Daily reminder//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${REMINDER_UID}`,
		`DTSTAMP:${utcStamp(options.now)}`,
		`SEQUENCE:${sequence(options.now)}`,
		`DTSTART:${start}`,
		`DURATION:PT${options.durationMinutes ?? 15}M`,
		'RRULE:FREQ=DAILY',
		`SUMMARY:${escapeText('Back care: your daily routine')}`,
		`DESCRIPTION:${escapeText(
			'Time for your back-care routine: a gentle warm-up, stretches and strengthening, never forced. Stop and see a clinician if pain shoots down a leg, or comes with numbness, weakness, or any change in bladder or bowel control.'
		)}`,
		'TRANSP:TRANSPARENT',
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`DESCRIPTION:${escapeText('Back care: time for your routine')}`,
		'TRIGGER:PT0M',
		'END:VALARM',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}

export const REMINDER_FILE_NAME = 'backcare-daily-reminder.ics';

/** A single event at a moment (not repeating), such as the next ice application. */
export interface OneEventOptions {
	/** Stable per event, so importing the same file twice updates one event. */
	uid: string;
	/** When it starts (ms since the epoch); written in UTC, so it is the same moment anywhere. */
	start: number;
	durationMinutes: number;
	summary: string;
	description: string;
	/** When the file is made (ms since the epoch), for DTSTAMP. */
	now: number;
}

/** The iCalendar text of one event that rings when it starts. */
export function oneEventIcs(options: OneEventOptions): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Back care//One event//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${options.uid}`,
		`DTSTAMP:${utcStamp(options.now)}`,
		`DTSTART:${utcStamp(options.start)}`,
		`DURATION:PT${options.durationMinutes}M`,
		`SUMMARY:${escapeText(options.summary)}`,
		`DESCRIPTION:${escapeText(options.description)}`,
		'BEGIN:VALARM',
		'ACTION:DISPLAY',
		`DESCRIPTION:${escapeText(options.summary)}`,
		'TRIGGER:PT0M',
		'END:VALARM',
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}
