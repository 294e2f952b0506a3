import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../../scripts/simulate-cli';

function diaryFile(content: string): string {
	const file = join(mkdtempSync(join(tmpdir(), 'diary-')), 'diary.json');
	writeFileSync(file, content);
	return file;
}

function runOn(file: string) {
	let out = '';
	let err = '';
	const status = main(
		file,
		(text) => (out += text),
		(text) => (err += text)
	);
	return { status, out, err };
}

test('a diary prints only JSON, one plan per day, and exits 0', { timeout: 30_000 }, () => {
	const file = diaryFile(
		JSON.stringify({ start: '2026-03-02', days: [{ session: { pain: 1 } }, { morning: 'same' }] })
	);
	const { status, out, err } = runOn(file);
	expect(status).toBe(0);
	expect(err).toBe('');
	const result = JSON.parse(out) as { days: { date: string; minutes: number }[] };
	expect(result.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03']);
});

test('a malformed diary names the day and the field, prints nothing, and exits 1', () => {
	const file = diaryFile(JSON.stringify({ start: '2026-03-02', days: [{ morning: 'fine' }] }));
	const { status, out, err } = runOn(file);
	expect(status).toBe(1);
	expect(out).toBe('');
	expect(err).toContain(
		'day 0 (2026-03-02): field "morning": expected "better", "same" or "worse"'
	);
});

test('a file that is not JSON is refused with exit 1', () => {
	const { status, err } = runOn(diaryFile('{ start: '));
	expect(status).toBe(1);
	expect(err).toContain('not valid JSON');
});
