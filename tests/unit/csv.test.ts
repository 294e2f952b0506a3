import { describe, expect, test } from 'vitest';
import { csvText, sessionsCsv, SESSION_COLUMNS } from '../../src/lib/core/records/csv';
import { durationMinutes, exercisesDone } from '../../src/lib/core/player/session-summary';
import {
	CHECK_INS,
	MORNINGS,
	SESSIONS,
	mondayEveningSession,
	mondaySession
} from '../fixtures/storage/records';

const names = new Map([
	['pelvic-tilt', 'Pelvic tilt'],
	['seated-twist', 'Seated twist'],
	['hip-bridge', 'Hip bridge']
]);
/** The fixtures are in Berlin in March: UTC+1, which Date#getTimezoneOffset gives as -60. */
const berlin = () => -60;

/** Splits RFC 4180 text into rows of fields, for reading the output back. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else field += char;
	}
	return rows;
}

describe('sessions as CSV', () => {
	const text = sessionsCsv(
		{ sessions: SESSIONS, checkIns: CHECK_INS, mornings: MORNINGS },
		names,
		berlin
	);
	const rows = parseCsv(text);

	test('has a header and one row per session, oldest first', () => {
		expect(rows[0]).toEqual([...SESSION_COLUMNS]);
		expect(rows.slice(1).map((row) => `${row[0]} ${row[1]}`)).toEqual([
			'2025-03-03 07:02',
			'2025-03-03 19:40',
			'2025-03-04 07:01'
		]);
	});

	test('a finished session with its check-in', () => {
		expect(rows[1]).toEqual([
			'2025-03-03',
			'07:02',
			'17.6',
			'1',
			'Pelvic tilt; Seated twist; Hip bridge',
			'no',
			'none'
		]);
	});

	test('a session stopped for pain, without a check-in, leaves pain and red flags empty', () => {
		expect(rows[2]).toEqual([
			'2025-03-03',
			'19:40',
			'6.2',
			'',
			'Pelvic tilt',
			'Seated twist (left side)',
			''
		]);
	});

	test('red flags are listed in words', () => {
		expect(rows[3]![3]).toBe('4');
		expect(rows[3]![6]).toBe('numbness or tingling');
	});

	test('lines end with CRLF, the last one too', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.split('\r\n')).toHaveLength(SESSIONS.length + 2);
		expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
	});

	test('an exercise only some sides of which were done names those sides', () => {
		expect(exercisesDone(mondayEveningSession, names)).toEqual(['Pelvic tilt']);
		expect(durationMinutes(mondaySession)).toBe(17.6);
	});
});

describe('RFC 4180 quoting', () => {
	test('fields with commas, quotes or line breaks are quoted, quotes doubled', () => {
		expect(csvText([['plain', 'a, b', 'say "hi"', 'two\nlines', 'cr\rhere', 3]])).toBe(
			'plain,"a, b","say ""hi""","two\nlines","cr\rhere",3\r\n'
		);
	});

	test('what is quoted reads back exactly', () => {
		const cells = ['a, b', 'say "hi"', 'two\r\nlines', ''];

		expect(parseCsv(csvText([cells]))).toEqual([cells]);
	});
});

describe('formula injection', () => {
	test.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR'])(
		'a text cell starting %j is kept as text',
		(cell) => {
			const [field] = parseCsv(csvText([[cell]]))[0]!;
			expect(field).toBe(`'${cell}`);
		}
	);

	test('a formula hidden in an exercise name does not run', () => {
		const evil = new Map([['pelvic-tilt', '=HYPERLINK("http://evil.example","click")']]);
		const text = sessionsCsv(
			{ sessions: [mondayEveningSession], checkIns: [], mornings: [] },
			evil,
			berlin
		);

		expect(parseCsv(text)[1]![4]).toBe(`'=HYPERLINK("http://evil.example","click")`);
	});

	test('numbers are written as numbers, negative or not', () => {
		expect(csvText([[-1, 2.5, Number.NaN]])).toBe('-1,2.5,\r\n');
	});
});
