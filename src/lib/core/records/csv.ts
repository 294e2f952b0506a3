import { localTime } from '../time/calendar';
import { RED_FLAG_WORDS, type CheckIn, type History, type LocalDate } from './history';
import {
	durationMinutes,
	exercisesDone,
	exercisesStoppedForPain,
	type ExerciseNames
} from '../player/session-summary';

/**
 * Sessions as CSV for a spreadsheet or a clinician: one row per session, RFC 4180 (CRLF line
 * ends, fields with commas, quotes or line breaks in double quotes, quotes doubled).
 */

type Cell = string | number;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP's CSV injection).
 * Such a text cell gets a leading apostrophe, which spreadsheets show as text.
 */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r'];

function field(cell: Cell): string {
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	const guarded = FORMULA_STARTS.some((start) => cell.startsWith(start)) ? `'${cell}` : cell;
	return /[",\r\n]/.test(guarded) || guarded !== cell
		? `"${guarded.replaceAll('"', '""')}"`
		: guarded;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
	return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export const SESSION_COLUMNS = [
	'Date',
	'Start time',
	'Duration (minutes)',
	'Pain (0-10)',
	'Exercises done',
	'Stopped for pain',
	'Red flags'
] as const;

/**
 * The sessions of a history as CSV, oldest first. `offsetMinutesAt` is the device's time zone
 * offset at a moment (as Date#getTimezoneOffset gives it), for the start time of day.
 */
export function sessionsCsv(
	history: History,
	names: ExerciseNames,
	offsetMinutesAt: (timestamp: number) => number
): string {
	const checkIns = new Map<string, CheckIn>(history.checkIns.map((c) => [c.sessionId, c]));
	const sessions = [...history.sessions].sort((a, b) => a.startedAt - b.startedAt);
	const rows: Cell[][] = sessions.map((session) => {
		const checkIn = checkIns.get(session.id);
		const stopped = exercisesStoppedForPain(session, names);
		return [
			session.date,
			localTime(session.startedAt, offsetMinutesAt(session.startedAt)),
			durationMinutes(session),
			checkIn ? checkIn.pain : '',
			exercisesDone(session, names).join('; '),
			stopped.length > 0 ? stopped.join('; ') : 'no',
			checkIn
				? checkIn.redFlags.length > 0
					? checkIn.redFlags.map((f) => RED_FLAG_WORDS[f]).join('; ')
					: 'none'
				: ''
		];
	});
	return csvText([[...SESSION_COLUMNS], ...rows]);
}

export function csvFileName(today: LocalDate): string {
	return `backcare-sessions-${today}.csv`;
}
