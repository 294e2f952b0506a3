import { expect, test } from 'vitest';
import { LatestWrite } from '../../src/routes/play/save-queue';

/** A write that waits until the test lets it finish. */
function slowWrites() {
	const written: number[] = [];
	const waiting: (() => void)[] = [];
	const write = (value: number) =>
		new Promise<void>((resolve) =>
			waiting.push(() => {
				written.push(value);
				resolve();
			})
		);
	const finishOne = async () => {
		waiting.shift()?.();
		await new Promise((resolve) => setTimeout(resolve, 0));
	};
	return { written, write, finishOne };
}

test('while a write is under way only the newest state waits its turn', async () => {
	const disk = slowWrites();
	const queue = new LatestWrite(disk.write, () => {});
	queue.put(1);
	queue.put(2);
	queue.put(3);
	await disk.finishOne();
	await disk.finishOne();
	expect(disk.written).toEqual([1, 3]);
});

test('settling drops what waits and resolves after the write under way', async () => {
	const disk = slowWrites();
	const queue = new LatestWrite(disk.write, () => {});
	queue.put(1);
	queue.put(2);
	let settled = false;
	const settling = queue.settle().then(() => (settled = true));
	await new Promise((resolve) => setTimeout(resolve, 0));
	expect(settled).toBe(false);
	await disk.finishOne();
	await settling;
	expect(disk.written).toEqual([1]);
});

test('a failed write is reported and the next state is still written', async () => {
	const failures: unknown[] = [];
	const written: number[] = [];
	const queue = new LatestWrite(
		async (value: number) => {
			if (value === 1) throw new DOMException('The disk is full', 'QuotaExceededError');
			written.push(value);
		},
		(error) => failures.push(error)
	);
	queue.put(1);
	await queue.settle();
	queue.put(2);
	await queue.settle();
	expect(failures).toHaveLength(1);
	expect(written).toEqual([2]);
});
