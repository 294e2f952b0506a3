import { writeFileSync } from 'node:fs';
import { defaultRoutine, exerciseById } from '$lib/content';
import {
	simulate,
	type Diary,
	type DiaryDay,
	type SimulatedDay
} from '$lib/core/progression/simulate';

/**
 * The four people of docs/progression.md, eight weeks each, drawn from the simulator: the
 * routine's minutes and every exercise's level (the left side of a per-side exercise). Run with
 * `npm run docs:progression`; it writes docs/progression-<person>.svg.
 */

const START = '2026-03-02';
const WEEKS = 8;
const DAYS = WEEKS * 7;

const day = (pain: number, morning: DiaryDay['morning'] = 'same', extra = {}): DiaryDay => ({
	morning,
	session: { pain, ...extra }
});

export const PEOPLE: { id: string; title: string; days: DiaryDay[] }[] = [
	{
		id: 'comfortable',
		title: 'All comfortable days',
		days: Array.from({ length: DAYS }, () => day(1))
	},
	{
		id: 'ups-and-downs',
		title: 'Ups and downs',
		days: Array.from({ length: DAYS }, (_, i) => {
			const pain = [1, 3, 2, 1, 4, 1, 2][i % 7]!;
			const morning = i % 9 === 4 ? 'worse' : i % 5 === 0 ? 'better' : 'same';
			return i % 11 === 6 ? { morning } : day(pain, morning);
		})
	},
	{
		id: 'flare',
		title: 'A flare in week three',
		days: Array.from({ length: DAYS }, (_, i) => {
			if (i === 16 || i === 17) return day(7, 'worse');
			if (i > 17 && i < 22) return day(4);
			return day(1);
		})
	},
	{
		id: 'two-weeks-away',
		title: 'Two weeks away',
		days: Array.from({ length: DAYS }, (_, i) => (i >= 21 && i < 35 ? {} : day(1)))
	}
];

const COLOURS = ['#1b6f64', '#b3541e', '#6a4c93', '#1d70b8', '#a3264a', '#5b7f1a', '#7a5c00'];

function escape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

export function chart(title: string, days: SimulatedDay[]): string {
	const width = 760;
	const left = 48;
	const right = 190;
	const plotWidth = width - left - right;
	const x = (i: number) => left + (i / (days.length - 1)) * plotWidth;
	const minutesTop = 40;
	const minutesHeight = 90;
	const levelsTop = minutesTop + minutesHeight + 50;
	const levelsHeight = 200;
	const height = levelsTop + levelsHeight + 40;
	const maxMinutes = Math.max(10, ...days.map((d) => d.minutes));
	const yMinutes = (m: number) => minutesTop + minutesHeight - (m / maxMinutes) * minutesHeight;
	const ids = [...new Set(days[0]!.exercises.map((e) => e.id))];
	const levelOf = (d: SimulatedDay, id: string) =>
		d.exercises.find((e) => e.id === id && (e.side === 'left' || e.side === 'both'))?.level;
	const maxLevel = Math.max(1, ...days.flatMap((d) => ids.map((id) => levelOf(d, id) ?? 0)));
	const yLevel = (l: number) => levelsTop + levelsHeight - (l / maxLevel) * levelsHeight;
	const path = (points: [number, number][]) =>
		points
			.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px.toFixed(1)},${py.toFixed(1)}`)
			.join(' ');
	const parts: string[] = [];
	parts.push(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12" role="img" aria-label="${escape(title)}: routine minutes and exercise levels over ${WEEKS} weeks">`,
		`<rect width="${width}" height="${height}" fill="#ffffff"/>`,
		`<text x="${left}" y="20" font-size="15" font-weight="bold">${escape(title)}</text>`,
		`<text x="${left}" y="${minutesTop - 6}">Routine, minutes (budget 10)</text>`,
		`<text x="${left}" y="${levelsTop - 6}">Level of each exercise (left side)</text>`
	);
	for (const m of [0, 5, 10].filter((m) => m <= maxMinutes)) {
		parts.push(
			`<line x1="${left}" x2="${left + plotWidth}" y1="${yMinutes(m)}" y2="${yMinutes(m)}" stroke="#ddd"/>`,
			`<text x="${left - 6}" y="${yMinutes(m) + 4}" text-anchor="end">${m}</text>`
		);
	}
	for (let week = 0; week <= WEEKS; week++) {
		const px = x(Math.min(days.length - 1, week * 7));
		parts.push(
			`<line x1="${px}" x2="${px}" y1="${levelsTop}" y2="${levelsTop + levelsHeight}" stroke="#eee"/>`,
			`<text x="${px}" y="${levelsTop + levelsHeight + 16}" text-anchor="middle">${week === 0 ? 'start' : `wk ${week}`}</text>`
		);
	}
	for (const l of [0, Math.round(maxLevel / 2), maxLevel]) {
		parts.push(
			`<line x1="${left}" x2="${left + plotWidth}" y1="${yLevel(l)}" y2="${yLevel(l)}" stroke="#ddd"/>`,
			`<text x="${left - 6}" y="${yLevel(l) + 4}" text-anchor="end">${l}</text>`
		);
	}
	days.forEach((d, i) => {
		if (d.flare || d.stopped)
			parts.push(
				`<rect x="${x(i) - plotWidth / days.length / 2}" y="${levelsTop}" width="${plotWidth / days.length}" height="${levelsHeight}" fill="${d.stopped ? '#f6d5d5' : '#fbe8c8'}"/>`
			);
	});
	parts.push(
		`<path d="${path(days.map((d, i) => [x(i), yMinutes(d.minutes)]))}" fill="none" stroke="#222" stroke-width="2"/>`
	);
	ids.forEach((id, index) => {
		const colour = COLOURS[index % COLOURS.length]!;
		const points: [number, number][] = [];
		days.forEach((d, i) => {
			const level = levelOf(d, id);
			if (level !== undefined) points.push([x(i), yLevel(level)]);
		});
		parts.push(
			`<path d="${path(points)}" fill="none" stroke="${colour}" stroke-width="2" stroke-dasharray="${index % 2 ? '6 3' : 'none'}"/>`,
			`<line x1="${left + plotWidth + 16}" x2="${left + plotWidth + 40}" y1="${levelsTop + 10 + index * 20}" y2="${levelsTop + 10 + index * 20}" stroke="${colour}" stroke-width="2" stroke-dasharray="${index % 2 ? '6 3' : 'none'}"/>`,
			`<text x="${left + plotWidth + 46}" y="${levelsTop + 14 + index * 20}">${escape(exerciseById.get(id)?.name ?? id)}</text>`
		);
	});
	parts.push(
		`<rect x="${left + plotWidth + 16}" y="${levelsTop + 10 + ids.length * 20}" width="24" height="10" fill="#fbe8c8"/>`,
		`<text x="${left + plotWidth + 46}" y="${levelsTop + 19 + ids.length * 20}">flare care</text>`,
		'</svg>'
	);
	return parts.join('\n') + '\n';
}

export async function run(): Promise<void> {
	for (const person of PEOPLE) {
		const diary: Diary = { start: START, days: person.days };
		const { days } = simulate(diary, exerciseById, defaultRoutine());
		const file = `docs/progression-${person.id}.svg`;
		writeFileSync(file, chart(person.title, days));
		const last = days.at(-1)!;
		console.log(
			`${file}: ${days.length} days, ${days[0]!.minutes}–${Math.max(...days.map((d) => d.minutes))} minutes, last day levels ${last.exercises
				.filter((e) => e.side !== 'right')
				.map((e) => `${e.id} ${e.level}`)
				.join(', ')}`
		);
	}
}
