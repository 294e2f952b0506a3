import { describe, expect, test } from 'vitest';
import { addDays } from '../../src/lib/core/time/calendar';
import type {
	CheckIn,
	ExerciseFlag,
	History,
	MorningAnswer,
	MorningFeeling,
	RedFlag,
	SessionRecord,
	Side
} from '../../src/lib/core/records/history';
import {
	asymmetryOf,
	buildReport,
	dayWords,
	durationWords,
	morningSummary,
	moveWords,
	painSummary,
	describeRoutine,
	reportPeriod,
	summariseResults,
	type Report,
	type ReportResult,
	type ReportWeeks
} from '../../src/lib/core/report/report';
import { exercises, routine, twist, bridge } from './fixtures/definitions';

const DAY0 = '2026-03-02';
const day = (n: number) => addDays(DAY0, n);

interface SessionOptions {
	pain?: number;
	minutes?: number;
	/** Sides ended early with the "too much" button. */
	tooMuch?: { exerciseId: string; side: Side }[];
	stopped?: { exerciseId: string; side: Side }[];
	notFinished?: { exerciseId: string; side: Side }[];
	flags?: { exerciseId: string; side: Side; flag: ExerciseFlag }[];
	redFlags?: RedFlag[];
	checkIn?: boolean;
}

/** What the app would have stored, one session or morning at a time. */
class Journal {
	private sessions: SessionRecord[] = [];
	private checkIns: CheckIn[] = [];
	private mornings: MorningAnswer[] = [];

	session(date: string, options: SessionOptions = {}): this {
		const id = `s${this.sessions.length + 1}`;
		const startedAt = Date.parse(`${date}T18:00:00Z`) + this.sessions.length;
		const matches = (list: { exerciseId: string; side: Side }[] | undefined, e: string, s: Side) =>
			list?.some((x) => x.exerciseId === e && x.side === s) ?? false;
		const results = [
			{ exerciseId: 'twist', side: 'left' as const },
			{ exerciseId: 'twist', side: 'right' as const },
			{ exerciseId: 'bridge', side: 'both' as const }
		].map(({ exerciseId, side }) => {
			const tooMuch = matches(options.tooMuch, exerciseId, side);
			const stopped = matches(options.stopped, exerciseId, side);
			const unfinished = matches(options.notFinished, exerciseId, side);
			return {
				exerciseId,
				side,
				completed: !tooMuch && !stopped && !unfinished,
				stoppedForPain: stopped,
				level: 0,
				...(tooMuch ? { tooMuch: true } : {})
			};
		});
		this.sessions.push({
			id,
			date,
			startedAt,
			endedAt: startedAt + (options.minutes ?? 11) * 60_000,
			routineId: 'daily',
			results,
			endedEarly: (options.stopped?.length ?? 0) > 0
		});
		if (options.checkIn !== false)
			this.checkIns.push({
				sessionId: id,
				date,
				at: startedAt + 12 * 60_000,
				pain: options.pain ?? 1,
				flags: options.flags ?? [],
				redFlags: options.redFlags ?? []
			});
		return this;
	}

	morning(date: string, feeling: MorningFeeling, redFlags: RedFlag[] = []): this {
		this.mornings.push({ date, at: Date.parse(`${date}T07:00:00Z`), feeling, redFlags });
		return this;
	}

	/** A comfortable session each day from `from`, and a morning "about the same" after it. */
	goodDays(from: string, count: number, options: SessionOptions = {}): this {
		for (let i = 0; i < count; i++)
			this.session(addDays(from, i), { pain: 1, ...options }).morning(addDays(from, i + 1), 'same');
		return this;
	}

	get history(): History {
		return { sessions: this.sessions, checkIns: this.checkIns, mornings: this.mornings };
	}
}

function report(history: History, today: string, weeks: ReportWeeks = 4): Report {
	return buildReport({ exercises, routine, history, today, weeks });
}

function table(r: Report, exerciseId: string) {
	const found = r.doses.find((d) => d.exerciseId === exerciseId);
	if (!found) throw new Error(`no dose table for ${exerciseId}`);
	return found;
}

describe('the period', () => {
	test('four weeks end today and start 27 days before it', () => {
		expect(reportPeriod('2026-03-29', 4)).toEqual({
			from: '2026-03-02',
			to: '2026-03-29',
			weeks: 4
		});
	});

	test('eight weeks start 55 days before today', () => {
		expect(reportPeriod('2026-04-26', 8).from).toBe('2026-03-02');
	});

	test('days are written with the weekday and the month in letters', () => {
		expect(dayWords('2026-03-02')).toBe('Mon 2 Mar');
		expect(dayWords('2026-12-25', { year: true })).toBe('Fri 25 Dec 2026');
		expect(dayWords('2026-01-01', { weekday: false })).toBe('1 Jan');
	});

	test('moves are named in steps', () => {
		expect(moveWords(1)).toBe('Up a step');
		expect(moveWords(-1)).toBe('Down a step');
		expect(moveWords(-3)).toBe('Down 3 steps');
		expect(moveWords(0)).toBe('Down: already at the gentlest dose');
	});

	test('durations are in whole minutes', () => {
		expect(durationWords(11 * 60_000 + 20_000)).toBe('11 min');
		expect(durationWords(20_000)).toBe('under a minute');
	});
});

describe('sessions done', () => {
	test('lists only the sessions inside the period, oldest first', () => {
		const journal = new Journal()
			.session(day(0), { pain: 2 })
			.session(day(40), { pain: 3 })
			.session(day(35), { pain: 1 });
		const fourWeeks = report(journal.history, day(41), 4);
		expect(fourWeeks.sessions.map((s) => s.date)).toEqual([day(35), day(40)]);
		expect(fourWeeks.sessionDays).toBe(2);
		const eightWeeks = report(journal.history, day(41), 8);
		expect(eightWeeks.sessions.map((s) => s.date)).toEqual([day(0), day(35), day(40)]);
	});

	test('each session has its duration, pain during it and the next morning’s answer', () => {
		const journal = new Journal()
			.session(day(0), { pain: 2, minutes: 12 })
			.morning(day(1), 'worse')
			.session(day(1), { checkIn: false })
			.morning(day(3), 'better');
		const [first, second] = report(journal.history, day(3)).sessions;
		expect(first).toMatchObject({
			date: day(0),
			durationMs: 12 * 60_000,
			pain: 2,
			morning: 'worse'
		});
		expect(second!.pain).toBeUndefined();
		expect(second!.morning).toBe('better');
	});

	test('a session of today has no morning answer yet', () => {
		const journal = new Journal().session(day(0)).morning(day(1), 'same').session(day(1));
		expect(report(journal.history, day(1)).sessions[1]!.morning).toBeUndefined();
	});

	test('says which exercises were completed, and which were stopped and why', () => {
		const journal = new Journal()
			.session(day(0))
			.session(day(1), { tooMuch: [{ exerciseId: 'twist', side: 'left' }] })
			.session(day(2), {
				stopped: [{ exerciseId: 'twist', side: 'left' }],
				notFinished: [
					{ exerciseId: 'twist', side: 'right' },
					{ exerciseId: 'bridge', side: 'both' }
				]
			});
		const sessions = report(journal.history, day(3)).sessions;
		expect(sessions.map((s) => s.summary)).toEqual([
			'All 2 exercises done',
			'1 of 2 exercises done; “too much” during it: Seated twist (left)',
			'0 of 2 exercises done; stopped for pain: Seated twist (left); not finished: Seated twist (right), Hip bridge'
		]);
		expect(sessions[1]!.results.map((r) => r.outcome)).toEqual(['too-much', 'done', 'done']);
	});

	test('the “too much” and “too easy” marks of the check-in are listed with the session', () => {
		const journal = new Journal().session(day(0), {
			flags: [
				{ exerciseId: 'twist', side: 'left', flag: 'too-much' },
				{ exerciseId: 'bridge', side: 'both', flag: 'too-easy' }
			]
		});
		expect(report(journal.history, day(1)).sessions[0]!.summary).toBe(
			'All 2 exercises done; marked “too much”: Seated twist (left); marked “too easy”: Hip bridge'
		);
	});

	test('an exercise stopped on every side is named once', () => {
		const result = (side: Side): ReportResult => ({
			exerciseId: 'twist',
			name: 'Seated twist',
			side,
			outcome: 'stopped-for-pain',
			level: 0
		});
		expect(summariseResults([result('left'), result('right')])).toBe(
			'0 of 1 exercise done; stopped for pain: Seated twist'
		);
	});
});

describe('dose over time per side', () => {
	test('a table per exercise, with a row per side on the first day, each change and today', () => {
		// Three good days move the twist up three steps on both sides; a quiet fourth week holds.
		const journal = new Journal()
			.goodDays(day(0), 3)
			.session(day(3), { pain: 4 })
			.morning(day(4), 'same')
			.session(day(4), { pain: 4 })
			.morning(day(5), 'same');
		const r = report(journal.history, day(5));
		const twistTable = table(r, 'twist');
		expect(twistTable.perSide).toBe(true);
		expect(twistTable.dials.map((d) => d.label)).toEqual(['twist', 'hold']);
		expect(twistTable.rows.map((row) => row.date)).toEqual([
			day(0),
			day(1),
			day(2),
			day(3),
			day(5)
		]);
		expect(twistTable.rows.map((row) => row.sides.map((s) => s.side))).toContainEqual([
			'left',
			'right'
		]);
		const values = twistTable.rows.map((row) => row.sides[0]!.dials.map((d) => d.value));
		expect(values).toEqual([
			[10, 15],
			[12, 15],
			[12, 18],
			[14, 18],
			[14, 18]
		]);
		expect(twistTable.rows.at(-1)!.isToday).toBe(true);
		expect(table(r, 'bridge').rows[0]!.sides.map((s) => s.side)).toEqual(['both']);
	});

	test('rows before the period are left out; the first row is the dose on the first day in it', () => {
		const journal = new Journal().goodDays(day(0), 30);
		const rows = table(report(journal.history, day(30)), 'twist').rows;
		// The period starts on day 3, at the level three good days earned; the twist is at its
		// full dose (level 9: holds grow by at most a fifth) from day 9 on, so no row until today's.
		expect(rows.map((row) => row.date)).toEqual([
			day(3),
			day(4),
			day(5),
			day(6),
			day(7),
			day(8),
			day(9),
			day(30)
		]);
		expect(rows.map((row) => row.sides[0]!.level)).toEqual([3, 4, 5, 6, 7, 8, 9, 9]);
	});

	test('each side keeps its own dose', () => {
		const journal = new Journal().goodDays(day(0), 2, {
			tooMuch: [{ exerciseId: 'twist', side: 'left' }]
		});
		const today = table(report(journal.history, day(2)), 'twist').rows.at(-1)!;
		expect(today.sides.map((s) => [s.side, s.level])).toEqual([
			['left', 0],
			['right', 2]
		]);
	});
});

describe('left/right asymmetry', () => {
	test('is named when the sides are more than two ladder levels apart', () => {
		expect(
			asymmetryOf([
				{ side: 'left', level: 1 },
				{ side: 'right', level: 4 }
			])
		).toEqual({ behind: 'left', steps: 3, text: 'Left side is 3 steps behind the right' });
		expect(
			asymmetryOf([
				{ side: 'left', level: 7 },
				{ side: 'right', level: 3 }
			])?.text
		).toBe('Right side is 4 steps behind the left');
	});

	test('two levels apart is not an asymmetry, nor is an exercise done with both sides together', () => {
		expect(
			asymmetryOf([
				{ side: 'left', level: 2 },
				{ side: 'right', level: 4 }
			])
		).toBeUndefined();
		expect(asymmetryOf([{ side: 'both', level: 6 }])).toBeUndefined();
	});

	test('the table marks the rows where one side falls behind and names the latest', () => {
		// "Too much" on the left every day keeps the left at its start while the right goes up.
		const journal = new Journal().goodDays(day(0), 4, {
			tooMuch: [{ exerciseId: 'twist', side: 'left' }]
		});
		const twistTable = table(report(journal.history, day(4)), 'twist');
		expect(twistTable.rows.map((row) => row.asymmetry?.text)).toEqual([
			undefined,
			undefined,
			undefined,
			'Left side is 3 steps behind the right',
			'Left side is 4 steps behind the right'
		]);
		expect(twistTable.asymmetry?.text).toBe('Left side is 4 steps behind the right');
		expect(twistTable.widestAsymmetry).toMatchObject({ steps: 4, date: day(4) });
		expect(table(report(journal.history, day(4)), 'bridge').asymmetry).toBeUndefined();
	});
});

describe('progression decisions', () => {
	test('every advance and step back in the period, with its reason, and no holds', () => {
		const journal = new Journal()
			.goodDays(day(0), 2)
			.session(day(2), { pain: 6 })
			.morning(day(3), 'same')
			.session(day(3), { pain: 4 })
			.morning(day(4), 'same');
		const decisions = report(journal.history, day(4)).decisions;
		expect(decisions.map((d) => [d.date, d.exerciseId, d.sides.join('+'), d.kind, d.text])).toEqual(
			[
				[
					day(1),
					'twist',
					'left+right',
					'advance',
					'1/10 pain yesterday, and on Tuesday morning your back felt the same: twist a little further than last time (about 12°)'
				],
				// Bridge, strength work, holds after its first green session and goes up after its second.
				[
					day(2),
					'twist',
					'left+right',
					'advance',
					'1/10 pain yesterday, and on Wednesday morning your back felt the same: hold a little longer (18 s, +3 s)'
				],
				[
					day(2),
					'bridge',
					'both',
					'advance',
					'1/10 pain yesterday, and on Wednesday morning your back felt the same: one more of the lifts (6)'
				],
				[
					day(3),
					'twist',
					'left+right',
					'step-back',
					'6/10 pain yesterday: hold a little shorter (15 s) to let it settle'
				],
				[
					day(3),
					'bridge',
					'both',
					'step-back',
					'6/10 pain yesterday: one fewer of the lifts (5) to let it settle'
				]
			]
		);
		expect(decisions[3]!.reason).toBe('high-pain');
		expect(decisions[3]!.dials).toEqual([
			{ kind: 'hold', label: 'hold', unit: 's', from: 18, to: 15 }
		]);
	});

	test('sides that moved differently are separate decisions', () => {
		const journal = new Journal().goodDays(day(0), 1, {
			tooMuch: [{ exerciseId: 'twist', side: 'left' }]
		});
		const twistDecisions = report(journal.history, day(1)).decisions.filter(
			(d) => d.exerciseId === 'twist'
		);
		// The left was already at its gentlest, so only the right moved.
		expect(twistDecisions.map((d) => [d.sides, d.kind])).toEqual([
			[['left'], 'step-back'],
			[['right'], 'advance']
		]);
		expect(twistDecisions[0]!.text).toBe(
			'You said “too much” during it yesterday: staying at the gentlest dose'
		);
	});

	test('flare care that lowers a dose is a decision too', () => {
		// A good day raises the dose; 4/10 the next day holds it without counting it as tolerated;
		// then two worse mornings in a row start a flare, which goes back to the dose that felt fine.
		const journal = new Journal()
			.session(day(0), { pain: 1 })
			.morning(day(1), 'same')
			.session(day(1), { pain: 4 })
			.morning(day(2), 'same')
			.morning(day(3), 'worse')
			.morning(day(4), 'worse');
		const flareCare = report(journal.history, day(4)).decisions.filter((d) => d.date === day(4));
		expect(flareCare.map((d) => [d.exerciseId, d.kind, d.reason, d.delta])).toEqual([
			['twist', 'hold', 'flare', -1]
		]);
		expect(flareCare[0]!.text).toMatch(/^Flare care: back to a dose that felt fine/);
	});

	test('decisions before the period are left out', () => {
		const journal = new Journal().goodDays(day(0), 3).session(day(40)).morning(day(41), 'worse');
		const decisions = report(journal.history, day(41)).decisions;
		expect(decisions.every((d) => d.date >= day(14))).toBe(true);
		// Back after five weeks away (one decision for both sides of the twist), then a worse morning.
		expect(decisions.map((d) => [d.date, d.exerciseId, d.reason])).toEqual([
			[day(40), 'twist', 'break'],
			[day(40), 'bridge', 'break'],
			[day(41), 'twist', 'morning-worse'],
			[day(41), 'bridge', 'morning-worse']
		]);
	});
});

describe('pain, warning signs and flares', () => {
	test('pain per day is the highest of that day’s check-ins, with the morning answers beside it', () => {
		const journal = new Journal()
			.session(day(0), { pain: 2 })
			.session(day(0), { pain: 5 })
			.morning(day(1), 'worse')
			.session(day(1), { pain: 0 });
		const r = report(journal.history, day(2));
		expect(r.painDays).toEqual([
			{ date: day(0), pain: 5 },
			{ date: day(1), pain: 0 }
		]);
		expect(r.mornings).toEqual([{ date: day(1), feeling: 'worse' }]);
	});

	test('the chart’s text alternative sums up the pain and the mornings', () => {
		const journal = new Journal()
			.session(day(0), { pain: 1 })
			.morning(day(1), 'better')
			.session(day(1), { pain: 6 })
			.morning(day(2), 'same')
			.session(day(2), { pain: 1 })
			.morning(day(3), 'same');
		const r = report(journal.history, day(3));
		expect(painSummary(r.painDays)).toBe(
			'Pain during the routine on 3 days: highest 6/10 on Tue 3 Mar, average 2.7/10.'
		);
		expect(morningSummary(r.mornings)).toBe(
			'Morning answers: 1 better, 2 about the same, 0 worse.'
		);
		expect(painSummary([])).toBe('No pain ratings in this period.');
		expect(morningSummary([])).toBe('No morning answers in this period.');
	});

	test('red flags are listed with their day and where they were reported; pain of 8 counts', () => {
		const journal = new Journal()
			.session(day(0), { pain: 8 })
			.morning(day(1), 'same', ['numbness-or-tingling'])
			.session(day(2), { pain: 3, redFlags: ['bladder-or-bowel'] })
			.session(day(3), { pain: 1 });
		expect(report(journal.history, day(4)).redFlags).toEqual([
			{
				date: day(0),
				at: expect.any(Number),
				source: 'check-in',
				redFlags: ['pain-8-plus'],
				urgent: false
			},
			{
				date: day(1),
				at: expect.any(Number),
				source: 'morning',
				redFlags: ['numbness-or-tingling'],
				urgent: false
			},
			{
				date: day(2),
				at: expect.any(Number),
				source: 'check-in',
				redFlags: ['bladder-or-bowel'],
				urgent: true
			}
		]);
	});

	test('flare periods from the plan are shown, ended or still going on', () => {
		const journal = new Journal()
			.session(day(0), { pain: 6 })
			.session(day(1), { pain: 7 })
			.session(day(2), { pain: 1 })
			.morning(day(3), 'better')
			.session(day(10), { pain: 6 })
			.session(day(11), { pain: 6 });
		const r = report(journal.history, day(13));
		expect(r.flares).toEqual([
			{ from: day(1), to: day(3), days: 2 },
			{ from: day(11), days: 2 }
		]);
	});

	test('a flare that ended before the period is left out', () => {
		const journal = new Journal()
			.session(day(0), { pain: 6 })
			.session(day(1), { pain: 7 })
			.session(day(2), { pain: 1 })
			.morning(day(3), 'better')
			.session(day(40), { pain: 1 });
		expect(report(journal.history, day(41)).flares).toEqual([]);
		expect(report(journal.history, day(41), 8).flares).toHaveLength(1);
	});
});

describe('the description for a clinician', () => {
	test('names the routine, its exercises and the thresholds of the rules', () => {
		const text = describeRoutine(routine.name, routine.description, [twist, bridge]);
		expect(text).toMatch(/^Daily: Seated twist, Hip bridge\. Test routine\. /);
		expect(text).toContain('pain 2/10 or less');
		expect(text).toContain('3–5/10');
		expect(text).toContain('6/10 or more');
		expect(text).toContain('Pain of 8/10 or more');
		// Breaks are counted per exercise now: half the level after 4 weeks, the start after 8.
		expect(text).toContain('at most half the level after 4 weeks, the start after 8');
		expect(text).toContain('no more than 3 days apart');
	});

	test('is part of the report, with the routine’s name', () => {
		const r = report(new Journal().history, DAY0);
		expect(r.routineName).toBe('Daily');
		expect(r.description).toContain('dose ladder');
		expect(r.sessions).toEqual([]);
		expect(r.decisions).toEqual([]);
	});
});
