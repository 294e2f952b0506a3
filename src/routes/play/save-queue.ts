/**
 * Keeps the newest of a stream of values, one write at a time: while a write is under way, only
 * the newest value waits its turn, so a slow disk never builds a backlog of stale states.
 */
export class LatestWrite<T> {
	private running: Promise<void> | undefined;
	private waiting: { value: T } | undefined;

	constructor(
		private readonly write: (value: T) => Promise<void>,
		private readonly failed: (error: unknown) => void
	) {}

	put(value: T): void {
		this.waiting = { value };
		this.running ??= this.drain().finally(() => (this.running = undefined));
	}

	/** Drops what waits and resolves once the write under way, if any, has ended. */
	async settle(): Promise<void> {
		this.waiting = undefined;
		await this.running;
	}

	private async drain(): Promise<void> {
		while (this.waiting) {
			const { value } = this.waiting;
			this.waiting = undefined;
			try {
				await this.write(value);
			} catch (error) {
				this.failed(error);
			}
		}
	}
}
