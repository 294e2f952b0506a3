import { expect, test } from 'vitest';
import { dayVerdicts, flareAt, flarePeriods } from '../../src/lib/core/progression/flare';
import type { History } from '../../src/lib/core/records/history';

const history = (
	entries: { date: string; pain?: number; morning?: 'better' | 'same' | 'worse' }[]
): History => {
	const h: History = { sessions: [], checkIns: [], mornings: [] };
	entries.forEach((e, i) => {
		if (e.pain !== undefined) {
			h.sessions.push({
				id: `s${i}`,
				date: e.date,
				startedAt: i,
				endedAt: i + 1,
				routineId: 'daily',
				results: [],
				endedEarly: false
			});
			h.checkIns.push({
				sessionId: `s${i}`,
				date: e.date,
				at: i,
				pain: e.pain,
				flags: [],
				redFlags: []
			});
		}
		if (e.morning) h.mornings.push({ date: e.date, at: i, feeling: e.morning, redFlags: [] });
	});
	return h;
};

test('a day is painful at 6/10 or with a worse morning, comfortable at 2/10 or less', () => {
	const h = history([
		{ date: '2026-03-01', pain: 6 },
		{ date: '2026-03-02', morning: 'worse' },
		{ date: '2026-03-03', pain: 4 },
		{ date: '2026-03-04', pain: 2, morning: 'same' }
	]);
	expect(dayVerdicts(h, '2026-03-10').map((d) => d.verdict)).toEqual([
		'painful',
		'painful',
		'neutral',
		'comfortable'
	]);
});

test('a session on the day itself is not judged yet', () => {
	const h = history([{ date: '2026-03-05', pain: 7 }]);
	expect(dayVerdicts(h, '2026-03-05')).toEqual([]);
});

test('a moderate day between two painful ones breaks the run', () => {
	const h = history([
		{ date: '2026-03-01', pain: 7 },
		{ date: '2026-03-02', pain: 4 },
		{ date: '2026-03-03', pain: 7 }
	]);
	expect(flarePeriods(h, '2026-03-10')).toEqual([]);
});

test('a flare lasts from the second painful day until the second comfortable day', () => {
	const h = history([
		{ date: '2026-03-01', pain: 7 },
		{ date: '2026-03-02', pain: 6 },
		{ date: '2026-03-03', pain: 1 },
		{ date: '2026-03-04', pain: 4 },
		{ date: '2026-03-05', pain: 0 },
		{ date: '2026-03-06', morning: 'better' }
	]);
	const periods = flarePeriods(h, '2026-03-10');
	expect(periods).toEqual([{ from: '2026-03-02', to: '2026-03-06' }]);
	expect(flareAt(periods, '2026-03-01')).toBeUndefined();
	expect(flareAt(periods, '2026-03-02')).toBeDefined();
	expect(flareAt(periods, '2026-03-05')).toBeDefined();
	expect(flareAt(periods, '2026-03-06')).toBeUndefined();
});
