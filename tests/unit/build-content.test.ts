import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, expect, test } from 'vitest';
import { loadRoutesData } from '../../scripts/routes-data';

const copy = mkdtempSync(join(tmpdir(), 'routes-data-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

test('the shipped routes-data holds seven valid exercises and the daily routine', () => {
	const content = loadRoutesData('routes-data');
	expect(content.exercises.map((e) => e.id).sort()).toEqual([
		'bird-dog',
		'hip-bridge',
		'knee-to-chest',
		'lying-twist',
		'plank',
		'seated-twist',
		'warm-up'
	]);
	const daily = content.routines.find((r) => r.id === 'daily');
	expect(daily?.items.map((i) => i.exercise)).toEqual([
		'warm-up',
		'seated-twist',
		'lying-twist',
		'knee-to-chest',
		'hip-bridge',
		'bird-dog',
		'plank'
	]);
});

test('a deliberately broken copy of routes-data fails the build, naming the file and the field', () => {
	cpSync('routes-data', copy, { recursive: true });
	const file = join(copy, 'exercises', 'plank.json');
	const plank = JSON.parse(readFileSync(file, 'utf8'));
	plank.dials[0].step = 1000;
	delete plank.safety;
	writeFileSync(file, JSON.stringify(plank, null, '\t'));

	const build = spawnSync('npx', ['vite', 'build', '--outDir', join(copy, 'out')], {
		env: { ...process.env, ROUTES_DATA_DIR: copy, VITEST: '' },
		encoding: 'utf8',
		timeout: 120_000
	});
	const output = `${build.stdout}\n${build.stderr}`;
	expect(build.status).not.toBe(0);
	expect(output).toContain(
		'plank.json: field "dials[0].step": expected a step no larger than the distance from start to maximum'
	);
	expect(output).toContain(
		'plank.json: field "safety": expected a value (the field is required), got nothing'
	);
}, 120_000);
