import { expect, test } from 'vitest';
import * as v from 'valibot';
import { DialSchema, type Dial } from '../../src/lib/core/definitions';
import { dialsAtLevel, prescription, topLevel } from '../../src/lib/core/dose';
import { twist, bridge } from './fixtures/definitions';

const dials: Dial[] = [
	{ kind: 'range', label: 'turn', unit: 'deg', start: 15, step: 2, max: 19 },
	{ kind: 'hold', label: 'hold', unit: 's', start: 15, step: 5, max: 25 },
	{ kind: 'sets', label: 'rounds', unit: 'sets', start: 1, step: 1, max: 2 }
].map((d) => v.parse(DialSchema, d));

const valuesAt = (level: number) => dialsAtLevel(dials, level).map((d) => d.value);

test('level 0 is every dial at its start', () => {
	expect(valuesAt(0)).toEqual([15, 15, 1]);
});

test('each level raises one dial by one step, taking turns in priority order', () => {
	expect(valuesAt(1)).toEqual([17, 15, 1]);
	expect(valuesAt(2)).toEqual([17, 20, 1]);
	expect(valuesAt(3)).toEqual([19, 20, 1]);
	expect(valuesAt(4)).toEqual([19, 25, 1]);
});

test('a second set is added only once every other dial is at its maximum', () => {
	expect(valuesAt(5)).toEqual([19, 25, 2]);
	expect(topLevel(dials)).toBe(5);
	expect(valuesAt(99)).toEqual([19, 25, 2]);
});

test('the last step of a dial stops at its maximum', () => {
	const uneven = [
		v.parse(DialSchema, { kind: 'hold', label: 'hold', unit: 's', start: 10, step: 4, max: 20 })
	];
	expect(topLevel(uneven)).toBe(3);
	expect(dialsAtLevel(uneven, 3)[0]!.value).toBe(20);
});

test('a prescription reads hold, reps, sets and range from the dials', () => {
	expect(prescription(twist, 1)).toEqual({
		holdSeconds: 15,
		reps: 1,
		sets: 1,
		range: { value: 12, unit: 'deg', max: 20, label: 'twist' }
	});
	// A rep exercise without a hold dial pauses for its tempo's hold.
	expect(prescription(bridge, 2)).toEqual({ holdSeconds: 1, reps: 7, sets: 1 });
});
