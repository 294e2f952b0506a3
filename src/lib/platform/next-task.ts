/**
 * Lets the browser paint and answer taps before the next piece of start-up work: the rest runs in
 * a task of its own, so no single task blocks a slow phone for long. `scheduler.yield` where the
 * browser has it (the rest keeps its place ahead of other work), a message to itself elsewhere.
 * Neither is a timer, so a test's fake clock does not hold it back.
 */
interface YieldingScheduler {
	yield(): Promise<void>;
}

export function nextTask(): Promise<void> {
	if (typeof window === 'undefined') return Promise.resolve();
	const scheduler = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(undefined);
	});
}
