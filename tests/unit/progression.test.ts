import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../src/lib/core/time/calendar';
import { topLevel } from '../../src/lib/core/progression/dose';
import {
	dayPlan,
	replay,
	tomorrowPlan,
	type DayPlan
} from '../../src/lib/core/progression/progression';
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
import { exercises, routine, twist, bridge } from './fixtures/definitions';

const DAY0 = '2026-03-02';

interface DayOptions {
	pain?: number;
	completed?: boolean;
	stopped?: { exerciseId: string; side: Side }[];
	tooMuch?: { exerciseId: string; side: Side }[];
	flags?: { exerciseId: string; side: Side; flag: ExerciseFlag }[];
	redFlags?: RedFlag[];
	checkIn?: boolean;
}

/** Builds history day by day like the app would record it. */
class Diary {
	sessions: SessionRecord[] = [];
	checkIns: CheckIn[] = [];
	mornings: MorningAnswer[] = [];
	/** Sessions are done in the evening, one hour apart; morning answers come at 08:00. */
	private perDay = new Map<string, number>();
	private timeOn(date: string, hour: number): number {
		const count = this.perDay.get(date + hour) ?? 0;
		this.perDay.set(date + hour, count + 1);
		return Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`) + count * 3_600_000;
	}

	session(date: string, options: DayOptions = {}): this {
		const id = `s${this.sessions.length + 1}`;
		const at = this.timeOn(date, 17);
		const results = [
			...(['left', 'right'] as const).map((side) => ({ exerciseId: 'twist', side })),
			{ exerciseId: 'bridge', side: 'both' as const }
		].map(({ exerciseId, side }) => ({
			exerciseId,
			side,
			completed: options.completed ?? true,
			stoppedForPain:
				options.stopped?.some((s) => s.exerciseId === exerciseId && s.side === side) ?? false,
			level: 0,
			...(options.tooMuch?.some((s) => s.exerciseId === exerciseId && s.side === side)
				? { tooMuch: true }
				: {})
		}));
		this.sessions.push({
			id,
			date,
			startedAt: at,
			endedAt: at + 600_000,
			routineId: 'daily',
			results,
			endedEarly: false
		});
		if (options.checkIn !== false) {
			this.checkIns.push({
				sessionId: id,
				date,
				at: at + 700_000,
				pain: options.pain ?? 1,
				flags: options.flags ?? [],
				redFlags: options.redFlags ?? []
			});
		}
		return this;
	}

	morning(date: string, feeling: MorningFeeling, redFlags: RedFlag[] = []): this {
		this.mornings.push({ date, at: this.timeOn(date, 8), feeling, redFlags });
		return this;
	}

	/** A session on each of `days` consecutive days, each answered "same" the next morning. */
	goodDays(from: string, days: number): this {
		for (let i = 0; i < days; i++) {
			this.session(addDays(from, i), { pain: 1 }).morning(addDays(from, i + 1), 'same');
		}
		return this;
	}

	get history(): History {
		return { sessions: this.sessions, checkIns: this.checkIns, mornings: this.mornings };
	}
}

function plan(history: History, today: string): DayPlan {
	return dayPlan({ exercises, routine, history, today });
}

function side(p: DayPlan, exerciseId: string, s: Side) {
	const dose = p.exercises
		.find((e) => e.exerciseId === exerciseId)
		?.sides.find((x) => x.side === s);
	if (!dose) throw new Error(`no dose for ${exerciseId} ${s}`);
	return dose;
}

const day1 = addDays(DAY0, 1);

describe('first day', () => {
	test('an empty history starts every exercise at its start dose', () => {
		const p = plan({ sessions: [], checkIns: [], mornings: [] }, DAY0);
		expect(p.exercises.map((e) => e.exerciseId)).toEqual(['twist', 'bridge']);
		const left = side(p, 'twist', 'left');
		expect(left.level).toBe(0);
		expect(left.dials.map((d) => d.value)).toEqual([10, 15]);
		expect(left.prescription).toMatchObject({ holdSeconds: 15, reps: 1, sets: 1 });
		expect(left.prescription.range).toMatchObject({ value: 10, unit: 'deg' });
		expect(left.change.kind).toBe('start');
		expect(left.change.text).toBe('Starting gently, at the beginner’s dose');
		expect(side(p, 'bridge', 'both').prescription.reps).toBe(5);
		expect(p.askMorning).toBe(false);
		expect(p.stop).toBeUndefined();
	});

	test('per-side exercises get a ladder for each side, both-sides exercises one', () => {
		const p = plan(new Diary().history, DAY0);
		expect(p.exercises[0]!.sides.map((s) => s.side)).toEqual(['left', 'right']);
		expect(p.exercises[1]!.sides.map((s) => s.side)).toEqual(['both']);
	});
});

describe('advance one dial of one step', () => {
	test('advances one step after low pain, a completed session and a morning that was not worse', () => {
		const diary = new Diary().session(DAY0, { pain: 1 }).morning(day1, 'same');
		const left = side(plan(diary.history, day1), 'twist', 'left');
		expect(left.level).toBe(1);
		expect(left.change.kind).toBe('advance');
		expect(left.change.dials).toEqual([
			{ kind: 'range', label: 'twist', unit: 'deg', from: 10, to: 12 }
		]);
		// The words lead with what the body feels, name the morning's day, and give the number second.
		expect(left.change.text).toBe(
			'1/10 pain yesterday, and on Tuesday morning your back felt the same: twist a little further than last time (about 12°)'
		);
	});

	test('a better morning advances too and says so', () => {
		const diary = new Diary().session(DAY0, { pain: 0 }).morning(day1, 'better');
		expect(side(plan(diary.history, day1), 'twist', 'left').change.text).toBe(
			'0/10 pain yesterday, and on Tuesday morning your back felt better: twist a little further than last time (about 12°)'
		);
	});

	test('pain of 2/10 is still low enough to advance', () => {
		const diary = new Diary().session(DAY0, { pain: 2 }).morning(day1, 'same');
		expect(side(plan(diary.history, day1), 'twist', 'left').level).toBe(1);
	});

	test('dials advance in their priority order, taking turns', () => {
		const diary = new Diary().goodDays(DAY0, 3);
		const ladder = replay({
			exercises,
			routine,
			history: diary.history,
			today: addDays(DAY0, 3)
		}).ladders.get('twist:left')!;
		expect(ladder.map((point) => point.change.dials.map((d) => `${d.kind}:${d.to}`))).toEqual([
			[],
			['range:12'],
			// 15 s to 20 s would be a third more work: the step is cut to a fifth.
			['hold:18'],
			['range:14']
		]);
	});

	test('holds a dose that is not completed as prescribed', () => {
		const diary = new Diary().session(DAY0, { pain: 0, completed: false }).morning(day1, 'same');
		const left = side(plan(diary.history, day1), 'twist', 'left');
		expect(left.level).toBe(0);
		expect(left.change.reason).toBe('not-completed');
	});

	test('waits for the morning answer before advancing', () => {
		const diary = new Diary().session(DAY0, { pain: 1 });
		const p = plan(diary.history, day1);
		expect(p.askMorning).toBe(true);
		expect(side(p, 'twist', 'left').level).toBe(0);
		expect(side(p, 'twist', 'left').change.reason).toBe('awaiting-morning');
	});

	test('at most one step per exercise per day, however many sessions that day', () => {
		const diary = new Diary()
			.session(DAY0, { pain: 0 })
			.session(DAY0, { pain: 0 })
			.session(DAY0, { pain: 0 })
			.morning(day1, 'better');
		expect(side(plan(diary.history, day1), 'twist', 'left').level).toBe(1);
	});

	test('a session today does not change today’s dose', () => {
		const diary = new Diary().session(DAY0, { pain: 0 }).morning(day1, 'same').session(day1);
		expect(side(plan(diary.history, day1), 'twist', 'left').level).toBe(1);
	});

	test('a dose at its maximum stays there', () => {
		const top = topLevel(bridge);
		// Strength work needs two green sessions a step.
		const days = 2 * top + 3;
		const diary = new Diary().goodDays(DAY0, days);
		const dose = side(plan(diary.history, addDays(DAY0, days)), 'bridge', 'both');
		expect(dose.level).toBe(top);
		expect(dose.prescription.reps).toBe(8);
		expect(dose.change.reason).toBe('at-max');
	});
});

describe('hold', () => {
	test('holds the dose when pain was 4/10', () => {
		const diary = new Diary()
			.goodDays(DAY0, 1)
			.session(day1, { pain: 4 })
			.morning(addDays(DAY0, 2), 'same');
		const left = side(plan(diary.history, addDays(DAY0, 2)), 'twist', 'left');
		expect(left.level).toBe(1);
		expect(left.change.kind).toBe('hold');
		expect(left.change.text).toBe('4/10 pain yesterday: staying at the same dose until it settles');
	});

	test('holds at 3/10 and at 5/10, the edges of moderate pain', () => {
		for (const pain of [3, 5]) {
			const diary = new Diary().session(DAY0, { pain }).morning(day1, 'better');
			expect(side(plan(diary.history, day1), 'twist', 'left').change.reason).toBe('moderate-pain');
		}
	});

	test('holds when the exercise was flagged too much once', () => {
		const diary = new Diary()
			.session(DAY0, { pain: 1, flags: [{ exerciseId: 'twist', side: 'both', flag: 'too-much' }] })
			.morning(day1, 'same');
		const p = plan(diary.history, day1);
		expect(side(p, 'twist', 'left').change.reason).toBe('too-much');
		expect(side(p, 'twist', 'left').level).toBe(0);
		expect(side(p, 'twist', 'right').change.reason).toBe('too-much');
		// Bridge, strength work, counts its first green session.
		expect(side(p, 'bridge', 'both').change.reason).toBe('building');
	});

	test('steps back when the same exercise is flagged too much twice in a row', () => {
		const tooMuch = [{ exerciseId: 'bridge', side: 'both' as const, flag: 'too-much' as const }];
		const diary = new Diary()
			.goodDays(DAY0, 2)
			.session(addDays(DAY0, 2), { pain: 1, flags: tooMuch })
			.morning(addDays(DAY0, 3), 'same')
			.session(addDays(DAY0, 3), { pain: 1, flags: tooMuch })
			.morning(addDays(DAY0, 4), 'same');
		const dose = side(plan(diary.history, addDays(DAY0, 4)), 'bridge', 'both');
		// Two green sessions took it to level 1; too much twice takes it back to the start.
		expect(dose.level).toBe(0);
		expect(dose.change.reason).toBe('too-much-twice');
	});

	test('a missing check-in holds the dose', () => {
		const diary = new Diary().session(DAY0, { checkIn: false }).morning(day1, 'same');
		expect(side(plan(diary.history, day1), 'twist', 'left').change.reason).toBe('no-check-in');
	});
});

describe('step back', () => {
	test('steps back one step when pain was above 5', () => {
		const diary = new Diary().goodDays(DAY0, 2).session(addDays(DAY0, 2), { pain: 6 });
		const left = side(plan(diary.history, addDays(DAY0, 3)), 'twist', 'left');
		expect(left.level).toBe(1);
		expect(left.change.kind).toBe('step-back');
		expect(left.change.text).toBe(
			'6/10 pain yesterday: hold a little shorter (15 s) to let it settle'
		);
	});

	test('steps back when the morning after was worse', () => {
		const diary = new Diary()
			.goodDays(DAY0, 2)
			.session(addDays(DAY0, 2), { pain: 1 })
			.morning(addDays(DAY0, 3), 'worse');
		const left = side(plan(diary.history, addDays(DAY0, 3)), 'twist', 'left');
		expect(left.level).toBe(1);
		expect(left.change.reason).toBe('morning-worse');
	});

	test('steps back only the exercise side that was stopped for pain', () => {
		const diary = new Diary()
			.goodDays(DAY0, 2)
			.session(addDays(DAY0, 2), { pain: 2, stopped: [{ exerciseId: 'twist', side: 'left' }] })
			.morning(addDays(DAY0, 3), 'same');
		const p = plan(diary.history, addDays(DAY0, 3));
		expect(side(p, 'twist', 'left').level).toBe(1);
		expect(side(p, 'twist', 'left').change.reason).toBe('stopped-for-pain');
		// The routine ended for pain: the other side holds rather than going up.
		expect(side(p, 'twist', 'right').level).toBe(2);
		expect(side(p, 'twist', 'right').change.reason).toBe('session-ended-for-pain');
	});

	test('never steps below the start dose', () => {
		const diary = new Diary().session(DAY0, { pain: 7 });
		const left = side(plan(diary.history, day1), 'twist', 'left');
		expect(left.level).toBe(0);
		expect(left.change.text).toBe(
			'7/10 pain yesterday: already at the gentlest dose to let it settle'
		);
	});
});

describe('after a break', () => {
	test('steps back one step for each missed week', () => {
		const diary = new Diary().goodDays(DAY0, 4);
		const last = addDays(DAY0, 3);
		expect(side(plan(diary.history, addDays(last, 1)), 'twist', 'left').level).toBe(4);
		expect(side(plan(diary.history, addDays(last, 6)), 'twist', 'left').level).toBe(4);
		const oneWeek = side(plan(diary.history, addDays(last, 7)), 'twist', 'left');
		expect(oneWeek.level).toBe(3);
		expect(oneWeek.change.reason).toBe('break');
		expect(oneWeek.change.text).toMatch(/^Welcome back after 1 week away: /);
		expect(side(plan(diary.history, addDays(last, 15)), 'twist', 'left').level).toBe(2);
	});

	test('after four weeks away at most half the level; after eight, the start', () => {
		const diary = new Diary().goodDays(DAY0, 8);
		const last = addDays(DAY0, 7);
		const fourWeeks = side(plan(diary.history, addDays(last, 28)), 'twist', 'left');
		expect(fourWeeks.level).toBe(4);
		expect(fourWeeks.change.text).toMatch(/^Welcome back after 4 weeks away: /);
		const fiveWeeks = side(plan(diary.history, addDays(last, 35)), 'twist', 'left');
		expect(fiveWeeks.level).toBe(3);
		const eightWeeks = side(plan(diary.history, addDays(last, 56)), 'twist', 'left');
		expect(eightWeeks.level).toBe(0);
		const aYear = side(plan(diary.history, addDays(last, 365)), 'twist', 'left');
		expect(aYear.level).toBe(0);
		expect(aYear.change.text).toMatch(/^Welcome back after 52 weeks away: /);
	});
});

describe('red flags', () => {
	test('pain of 8/10 stops the routine and advises a clinician', () => {
		const diary = new Diary().session(DAY0, { pain: 8 });
		const p = plan(diary.history, day1);
		expect(p.stop).toEqual({ redFlags: ['pain-8-plus'], urgent: false, reportedOn: DAY0 });
	});

	test('pain spreading below the knee stops the routine even with low pain', () => {
		const diary = new Diary().session(DAY0, { pain: 1, redFlags: ['pain-below-knee'] });
		expect(plan(diary.history, DAY0).stop?.redFlags).toEqual(['pain-below-knee']);
	});

	test('bladder or bowel changes are urgent', () => {
		const diary = new Diary().session(DAY0, { pain: 2, redFlags: ['bladder-or-bowel'] });
		expect(plan(diary.history, day1).stop?.urgent).toBe(true);
	});

	test('numbness reported in the morning stops the routine', () => {
		const diary = new Diary()
			.session(DAY0, { pain: 1 })
			.morning(day1, 'same', ['numbness-or-tingling']);
		expect(plan(diary.history, day1).stop?.redFlags).toEqual(['numbness-or-tingling']);
	});

	test('a later answer without red flags lifts the stop, at a lower dose', () => {
		const diary = new Diary()
			.goodDays(DAY0, 2)
			.session(addDays(DAY0, 2), { pain: 2, redFlags: ['leg-weakness'] })
			.morning(addDays(DAY0, 4), 'same');
		const p = plan(diary.history, addDays(DAY0, 4));
		expect(p.stop).toBeUndefined();
		expect(side(p, 'twist', 'left').level).toBe(1);
		expect(side(p, 'twist', 'left').change.reason).toBe('red-flag');
	});
});

describe('too easy', () => {
	test('too easy advances without waiting for the morning answer', () => {
		const diary = new Diary().session(DAY0, {
			pain: 0,
			flags: [{ exerciseId: 'twist', side: 'both', flag: 'too-easy' }]
		});
		const p = plan(diary.history, day1);
		expect(side(p, 'twist', 'left').level).toBe(1);
		expect(side(p, 'twist', 'left').change.text).toBe(
			'You marked it too easy with 0/10 pain yesterday: twist a little further than last time (about 12°)'
		);
		expect(side(p, 'bridge', 'both').level).toBe(0);
	});

	test('too easy never overrides moderate pain or a worse morning', () => {
		const easy = [{ exerciseId: 'bridge', side: 'both' as const, flag: 'too-easy' as const }];
		const moderate = new Diary().session(DAY0, { pain: 4, flags: easy });
		expect(side(plan(moderate.history, day1), 'bridge', 'both').level).toBe(0);
		const worse = new Diary()
			.goodDays(DAY0, 1)
			.session(day1, { pain: 0, flags: easy })
			.morning(addDays(DAY0, 2), 'worse');
		expect(side(plan(worse.history, addDays(DAY0, 2)), 'bridge', 'both').level).toBe(0);
	});
});

test('tomorrow’s plan after a good session shows the next step, assuming a steady morning', () => {
	const diary = new Diary().session(DAY0, { pain: 1 });
	const next = tomorrowPlan({ exercises, routine, history: diary.history, today: DAY0 });
	expect(next.date).toBe(day1);
	expect(side(next, 'twist', 'left').change.text).toBe(
		'1/10 pain yesterday, and on Tuesday morning your back felt the same: twist a little further than last time (about 12°)'
	);
});

test('the same history always gives the same plan', () => {
	const diary = new Diary().goodDays(DAY0, 5).session(addDays(DAY0, 5), { pain: 4 });
	const a = plan(diary.history, addDays(DAY0, 6));
	const b = plan(structuredClone(diary.history), addDays(DAY0, 6));
	expect(a).toEqual(b);
});

describe('invariants (property tests)', () => {
	const dayArb = fc.record({
		gap: fc.integer({ min: 1, max: 20 }),
		pain: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
		completed: fc.boolean(),
		stopLeft: fc.boolean(),
		flag: fc.constantFrom(undefined, 'too-much', 'too-easy'),
		redFlag: fc.constantFrom(undefined, 'pain-below-knee', 'bladder-or-bowel'),
		morning: fc.constantFrom(undefined, 'better', 'same', 'worse'),
		sessionsThatDay: fc.integer({ min: 1, max: 3 })
	});
	type DayArb = typeof dayArb extends fc.Arbitrary<infer T> ? T : never;

	function build(days: DayArb[]) {
		const diary = new Diary();
		let date = DAY0;
		const dates: string[] = [];
		for (const d of days) {
			for (let i = 0; i < d.sessionsThatDay; i++) {
				diary.session(date, {
					...(d.pain === undefined ? { checkIn: false } : { pain: d.pain }),
					completed: d.completed,
					stopped: d.stopLeft ? [{ exerciseId: 'twist', side: 'left' }] : [],
					flags: d.flag
						? [{ exerciseId: 'twist', side: 'both', flag: d.flag as ExerciseFlag }]
						: [],
					redFlags: d.redFlag ? [d.redFlag as RedFlag] : []
				});
			}
			dates.push(date);
			date = addDays(date, d.gap);
			if (d.morning) diary.morning(date, d.morning as MorningFeeling);
		}
		return { diary, dates, end: date };
	}

	// A hundred random diaries replayed in full: slow on a busy machine, so it may take longer.
	test(
		'never more than one step up per exercise per day, and never outside start..max',
		{ timeout: 30_000 },
		() => {
			fc.assert(
				fc.property(fc.array(dayArb, { minLength: 1, maxLength: 25 }), (days) => {
					const { diary, end } = build(days);
					const { ladders } = replay({ exercises, routine, history: diary.history, today: end });
					for (const [key, points] of ladders) {
						const exercise = key.startsWith('twist') ? twist : bridge;
						for (let i = 0; i < points.length; i++) {
							const level = points[i]!.level;
							expect(level).toBeGreaterThanOrEqual(0);
							expect(level).toBeLessThanOrEqual(topLevel(exercise));
							if (i === 0) continue;
							const rise = level - points[i - 1]!.level;
							expect(rise).toBeLessThanOrEqual(1);
							// Falls are one step, or more only after a break (back to the start at most).
							if (rise < -1) expect(points[i]!.change.reason).toBe('break');
						}
					}
					const p = plan(diary.history, end);
					for (const exercise of p.exercises) {
						for (const s of exercise.sides) {
							const definition = exercise.exerciseId === 'twist' ? twist : bridge;
							s.dials.forEach((dial, i) => {
								expect(dial.value).toBeGreaterThanOrEqual(definition.dials[i]!.start);
								expect(dial.value).toBeLessThanOrEqual(definition.dials[i]!.max);
							});
						}
					}
				}),
				{ numRuns: 200 }
			);
		}
	);

	test('red flags in the latest answer always stop the routine', () => {
		fc.assert(
			fc.property(
				fc.array(dayArb, { minLength: 1, maxLength: 10 }),
				fc.constantFrom<RedFlag>(
					'pain-below-knee',
					'numbness-or-tingling',
					'leg-weakness',
					'bladder-or-bowel'
				),
				fc.boolean(),
				(days, redFlag, inMorning) => {
					const { diary, end } = build(days);
					if (inMorning) diary.morning(end, 'same', [redFlag]);
					else diary.session(end, { pain: 0, redFlags: [redFlag] });
					const p = plan(diary.history, end);
					expect(p.stop?.redFlags).toContain(redFlag);
					expect(plan(diary.history, addDays(end, 3)).stop?.redFlags).toContain(redFlag);
				}
			),
			{ numRuns: 150 }
		);
	});

	test('pain of 8 or more in the latest check-in always stops the routine', () => {
		fc.assert(
			fc.property(
				fc.array(dayArb, { maxLength: 10 }),
				fc.integer({ min: 8, max: 10 }),
				(days, pain) => {
					const { diary, end } = build(days);
					diary.session(end, { pain });
					expect(plan(diary.history, end).stop?.redFlags).toContain('pain-8-plus');
				}
			),
			{ numRuns: 100 }
		);
	});
});

describe('per-side ladders', () => {
	test('each side of a per-side exercise keeps its own dose', () => {
		const diary = new Diary()
			.goodDays(DAY0, 2)
			.session(addDays(DAY0, 2), {
				pain: 1,
				flags: [{ exerciseId: 'twist', side: 'left', flag: 'too-much' }]
			})
			.morning(addDays(DAY0, 3), 'same');
		const p = plan(diary.history, addDays(DAY0, 3));
		expect(side(p, 'twist', 'left').level).toBe(2);
		expect(side(p, 'twist', 'left').change.reason).toBe('too-much');
		expect(side(p, 'twist', 'right').level).toBe(3);
	});

	test('“too much” during a hold lowers the next target of that side only, and says so', () => {
		const diary = new Diary()
			.goodDays(DAY0, 2)
			.session(addDays(DAY0, 2), { pain: 2, tooMuch: [{ exerciseId: 'twist', side: 'right' }] })
			.morning(addDays(DAY0, 3), 'same');
		const p = plan(diary.history, addDays(DAY0, 3));
		const right = side(p, 'twist', 'right');
		expect(right.level).toBe(1);
		expect(right.change.text).toBe(
			'You said “too much” during it yesterday: hold a little shorter (15 s) next time'
		);
		expect(side(p, 'twist', 'left').level).toBe(3);
	});
});

describe('flare mode', () => {
	const painful = (diary: Diary, date: string) => diary.session(date, { pain: 6 });

	test('two painful days in a row start flare care: gentle stretches only, no strength work', () => {
		const diary = new Diary().goodDays(DAY0, 4);
		painful(diary, addDays(DAY0, 4));
		painful(diary, addDays(DAY0, 5));
		const p = plan(diary.history, addDays(DAY0, 6));
		expect(p.flare).toEqual({ since: addDays(DAY0, 5), leftOut: ['bridge'] });
		expect(p.exercises.map((e) => e.exerciseId)).toEqual(['twist']);
	});

	test('a worse morning twice also starts it', () => {
		const diary = new Diary()
			.session(DAY0, { pain: 1 })
			.morning(day1, 'worse')
			.session(day1, { pain: 2 })
			.morning(addDays(DAY0, 2), 'worse');
		expect(plan(diary.history, addDays(DAY0, 2)).flare?.since).toBe(addDays(DAY0, 2));
	});

	test('one painful day is not a flare', () => {
		const diary = new Diary().goodDays(DAY0, 2);
		painful(diary, addDays(DAY0, 2));
		expect(plan(diary.history, addDays(DAY0, 3)).flare).toBeUndefined();
	});

	test('no dose goes up during a flare, even after a good day', () => {
		const diary = new Diary();
		painful(diary, DAY0);
		painful(diary, day1);
		diary.session(addDays(DAY0, 2), { pain: 1 }).morning(addDays(DAY0, 3), 'worse');
		const p = plan(diary.history, addDays(DAY0, 3));
		expect(p.flare).toBeDefined();
		expect(side(p, 'twist', 'left').level).toBe(0);
	});

	test('two comfortable days end it and the full routine comes back', () => {
		const diary = new Diary();
		painful(diary, DAY0);
		painful(diary, day1);
		diary.session(addDays(DAY0, 2), { pain: 1 }).morning(addDays(DAY0, 3), 'better');
		const p = plan(diary.history, addDays(DAY0, 3));
		expect(p.flare).toBeUndefined();
		expect(p.flares).toEqual([{ from: day1, to: addDays(DAY0, 3) }]);
		expect(p.exercises.map((e) => e.exerciseId)).toEqual(['twist', 'bridge']);
	});

	test('during a flare the dose is the last one that felt fine', () => {
		const diary = new Diary().goodDays(DAY0, 4);
		// Days 0–3 went well (level 4 reached); day 4 was moderate; days 5 and 6 hurt.
		diary.session(addDays(DAY0, 4), { pain: 4 });
		painful(diary, addDays(DAY0, 5));
		painful(diary, addDays(DAY0, 6));
		const p = plan(diary.history, addDays(DAY0, 7));
		expect(p.flare).toBeDefined();
		// Level 4 held at 4/10, then each painful day stepped back: 4 → 3 → 2.
		const left = side(p, 'twist', 'left');
		expect(left.level).toBe(2);
		expect(left.change.text).toBe(
			'6/10 pain yesterday: twist not quite as far as last time (about 12°) to let it settle'
		);
	});
});
