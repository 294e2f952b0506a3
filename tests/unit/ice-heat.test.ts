import { describe, expect, test } from 'vitest';
import {
	careDays,
	endApplication,
	hasEnded,
	nextIceAt,
	nextIceEvent,
	nextIceFileName,
	remainingMs,
	spasmStartDay,
	startApplication,
	suggestCare,
	upcomingIce,
	type CareApplication
} from '../../src/lib/core/care/ice-heat';
import { oneEventIcs } from '../../src/lib/core/records/ics';

const MINUTE = 60_000;
/** 09:00 in Berlin in March (UTC+1, so Date#getTimezoneOffset is -60). */
const NINE = Date.parse('2026-03-02T09:00:00+01:00');
const BERLIN = -60;

describe('suggests ice or heat from when the spasm started', () => {
	test('ice on the day the spasm started, saying why', () => {
		const suggestion = suggestCare('2026-03-02', '2026-03-02');
		expect(suggestion.kind).toBe('ice');
		expect(suggestion.why).toMatch(/started today, within the first 72 hours/);
		expect(suggestion.why).toMatch(/90 minutes off/);
	});

	test('still ice two days after, heat from the third day (after 72 hours)', () => {
		expect(suggestCare('2026-02-28', '2026-03-02')).toMatchObject({ kind: 'ice', days: 2 });
		const heat = suggestCare('2026-02-27', '2026-03-02');
		expect(heat).toMatchObject({ kind: 'heat', days: 3 });
		expect(heat.why).toMatch(/3 days ago, more than 72 hours ago: now heat relaxes/);
	});

	test('an answer given yesterday ages with the days: "today" then is ice, three days on heat', () => {
		const started = spasmStartDay(0, '2026-03-02');
		expect(suggestCare(started, '2026-03-03').why).toMatch(/started yesterday/);
		expect(suggestCare(started, '2026-03-05').kind).toBe('heat');
	});
});

describe('a 20-minute application timed from its deadline', () => {
	const running = startApplication('ice', NINE);

	test('counts down from 20 minutes by the clock, not by ticks', () => {
		expect(remainingMs(running, NINE)).toBe(20 * MINUTE);
		// Ten minutes hidden in a pocket: ten minutes less, whatever ran meanwhile.
		expect(remainingMs(running, NINE + 10 * MINUTE)).toBe(10 * MINUTE);
		expect(hasEnded(running, NINE + 20 * MINUTE - 1)).toBe(false);
		expect(hasEnded(running, NINE + 20 * MINUTE)).toBe(true);
		expect(remainingMs(running, NINE + 25 * MINUTE)).toBe(0);
	});

	test('is kept as its day, kind and minutes; a page reopened late does not stretch it', () => {
		expect(endApplication(running, NINE + 45 * MINUTE, BERLIN)).toEqual({
			date: '2026-03-02',
			kind: 'ice',
			minutes: 20,
			startedAt: NINE,
			endedAt: NINE + 20 * MINUTE
		});
	});

	test('stopped early, it keeps the minutes it lasted', () => {
		expect(endApplication(running, NINE + 12.4 * MINUTE, BERLIN)).toMatchObject({
			minutes: 12,
			endedAt: NINE + 12.4 * MINUTE
		});
	});

	test('its day is the local day it started, also just after midnight', () => {
		const lateNight = startApplication('heat', Date.parse('2026-03-02T23:50:00Z'));
		expect(endApplication(lateNight, lateNight.deadline, BERLIN).date).toBe('2026-03-03');
	});
});

describe('the next ice is due about 90 minutes after one ended', () => {
	const ice = endApplication(startApplication('ice', NINE), NINE + 20 * MINUTE, BERLIN);
	const heat = endApplication(startApplication('heat', NINE), NINE + 20 * MINUTE, BERLIN);

	test('90 minutes after the ice ended; heat names no next time', () => {
		expect(nextIceAt(ice)).toBe(NINE + 110 * MINUTE);
		expect(nextIceAt(heat)).toBeUndefined();
	});

	test('is shown until that time has come', () => {
		expect(upcomingIce([ice], NINE + 30 * MINUTE)).toEqual({ after: ice, at: NINE + 110 * MINUTE });
		expect(upcomingIce([ice], NINE + 110 * MINUTE)).toBeUndefined();
		expect(upcomingIce([], NINE)).toBeUndefined();
	});

	test('heat after the ice ends the ice rhythm', () => {
		const laterHeat = { ...heat, startedAt: NINE + 30 * MINUTE, endedAt: NINE + 50 * MINUTE };
		expect(upcomingIce([ice, laterHeat], NINE + 60 * MINUTE)).toBeUndefined();
	});

	test('goes into any calendar as one event that rings at that time, in UTC', () => {
		const at = nextIceAt(ice)!;
		const text = oneEventIcs(nextIceEvent(at, NINE + 20 * MINUTE));
		const unfolded = text.replace(/\r\n /g, '');
		expect(unfolded).toContain('\r\nDTSTART:20260302T095000Z\r\n');
		expect(unfolded).toContain('\r\nDURATION:PT20M\r\n');
		expect(unfolded).toContain('\r\nSUMMARY:Back care: next ice\\, 20 minutes\r\n');
		expect(unfolded).toContain(`\r\nUID:ice-${at}@backcare.app\r\n`);
		expect(unfolded).toMatch(/BEGIN:VALARM\r\nACTION:DISPLAY\r\n/);
		expect(unfolded).toMatch(/cloth between your skin and the ice/);
		const secondsLater = oneEventIcs(nextIceEvent(at + 7_000, NINE));
		expect(secondsLater).toContain('\r\nDTSTART:20260302T095000Z\r\n');
		for (const line of text.split('\r\n'))
			expect(new TextEncoder().encode(line).byteLength).toBeLessThanOrEqual(75);
		expect(nextIceFileName(at, BERLIN)).toBe('backcare-next-ice-2026-03-02-1050.ics');
	});
});

describe('applications a day at a time, for the history and the report', () => {
	const at = (iso: string, kind: 'ice' | 'heat', minutes = 20): CareApplication => {
		const startedAt = Date.parse(iso);
		return {
			date: iso.slice(0, 10),
			kind,
			minutes,
			startedAt,
			endedAt: startedAt + minutes * MINUTE
		};
	};
	const applications = [
		at('2026-03-03T12:00:00Z', 'heat'),
		at('2026-03-02T08:00:00Z', 'ice'),
		at('2026-03-02T10:00:00Z', 'ice', 15),
		at('2026-02-20T10:00:00Z', 'ice')
	];

	test('in day order, with the counts and minutes of each kind in words', () => {
		expect(careDays(applications, '2026-03-01', '2026-03-31')).toEqual([
			{
				date: '2026-03-02',
				applications: [applications[1], applications[2]],
				kinds: ['ice'],
				words: '2 ice (35 min)'
			},
			{
				date: '2026-03-03',
				applications: [applications[0]],
				kinds: ['heat'],
				words: '1 heat (20 min)'
			}
		]);
	});

	test('a day with both names both kinds, ice first', () => {
		const both = [at('2026-03-05T18:00:00Z', 'heat'), at('2026-03-05T08:00:00Z', 'ice')];
		expect(careDays(both)).toEqual([
			expect.objectContaining({ kinds: ['ice', 'heat'], words: '1 ice (20 min), 1 heat (20 min)' })
		]);
	});

	test('leaves out days outside the period', () => {
		expect(careDays(applications, '2026-02-20', '2026-02-20').map((d) => d.date)).toEqual([
			'2026-02-20'
		]);
		expect(careDays(applications, '2026-04-01', '2026-04-30')).toEqual([]);
	});
});
