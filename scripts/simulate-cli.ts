import { readFileSync } from 'node:fs';
import { defaultRoutine, exerciseById } from '$lib/content';
import { DiaryError, parseDiary, simulate } from '$lib/core/progression/simulate';

/** Reads a diary file and writes the simulation as JSON; returns the exit status. */
export function main(
	file: string,
	out: (text: string) => void,
	err: (text: string) => void
): number {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		err(`Cannot read ${file}: ${(error as Error).message}\n`);
		return 1;
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		err(`${file}: not valid JSON (${(error as Error).message})\n`);
		return 1;
	}
	try {
		const diary = parseDiary(json, new Set(exerciseById.keys()));
		out(`${JSON.stringify(simulate(diary, exerciseById, defaultRoutine()), null, 2)}\n`);
		return 0;
	} catch (error) {
		if (error instanceof DiaryError) {
			err(`${file}: ${error.message}\n`);
			return 1;
		}
		throw error;
	}
}
