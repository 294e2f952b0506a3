import type { BackupRecords } from '$lib/core/records/backup';
import type { LocalDate } from '$lib/core/records/history';
import type { SaveOutcome } from '$lib/platform/save-file';

export interface BackupExportEffects {
	now(): number;
	today(): LocalDate;
	/** Everything stored, with what waits to be stored. */
	everything(): Promise<BackupRecords>;
	/** Saves the file; says whether it is known to be written. */
	save(name: string, text: string): Promise<SaveOutcome>;
	/** Notes that everything up to `at` is in a backup file the person has. */
	backedUp(at: number): Promise<void>;
}

/** Where an export stands; `at` is when the backup was made, the time it holds records up to. */
export type ExportStep =
	| { kind: 'idle' }
	| { kind: 'oversized'; text: string; sessions: number; at: number }
	| { kind: 'asking'; sessions: number; at: number };

/**
 * Exporting a backup from settings: made, checked against what the app can import again, saved,
 * and only then noted as the last backup. A save dialog says when the file is written; a plain
 * download never does, so the person is asked once whether the file arrived, and the time is
 * noted only on their yes. A last-backup time that was never really saved would tell them their
 * records are safe when they are not.
 */
export class BackupExport {
	step: ExportStep = $state.raw({ kind: 'idle' });
	/** What happened, in words. */
	note = $state('');

	constructor(
		private readonly effects: BackupExportEffects,
		/** Called with the new last-backup time once it is noted. */
		private readonly onbackedup: (at: number) => void = () => {}
	) {}

	async export(): Promise<void> {
		try {
			const at = this.effects.now();
			const { buildBackup, exportSizeProblem } = await import('$lib/core/records/backup');
			const backup = buildBackup(await this.effects.everything(), at);
			const text = JSON.stringify(backup);
			const tooBig = exportSizeProblem(new TextEncoder().encode(text).byteLength);
			if (tooBig) {
				this.step = { kind: 'oversized', text, sessions: backup.sessions.length, at };
				this.note = tooBig;
				return;
			}
			await this.save(text, backup.sessions.length, at);
		} catch (error) {
			this.note = `The backup could not be made: ${messageOf(error)}`;
		}
	}

	/** Saves the backup the app warned about, as the person chose. */
	async saveAnyway(): Promise<void> {
		if (this.step.kind !== 'oversized') return;
		const { text, sessions, at } = this.step;
		try {
			await this.save(text, sessions, at);
		} catch (error) {
			this.note = `The backup could not be saved: ${messageOf(error)}`;
		}
	}

	/** The person's answer to "Is the backup file saved?" after a plain download. */
	async answer(saved: boolean): Promise<void> {
		if (this.step.kind !== 'asking') return;
		const { sessions, at } = this.step;
		this.step = { kind: 'idle' };
		if (saved) await this.noteBackedUp(sessions, at);
		else
			this.note =
				'Then it does not count as a backup. Try Export backup again; the phone may need room for the file.';
	}

	private async save(text: string, sessions: number, at: number): Promise<void> {
		this.step = { kind: 'idle' };
		const { backupFileName } = await import('$lib/core/records/backup');
		const outcome = await this.effects.save(backupFileName(this.effects.today()), text);
		if (outcome === 'saved') await this.noteBackedUp(sessions, at);
		else if (outcome === 'cancelled') this.note = 'No backup was saved.';
		else {
			this.step = { kind: 'asking', sessions, at };
			this.note = '';
		}
	}

	private async noteBackedUp(sessions: number, at: number): Promise<void> {
		try {
			await this.effects.backedUp(at);
			this.onbackedup(at);
			this.note = `Backup saved: ${sessions} ${sessions === 1 ? 'session' : 'sessions'}. Keep the file somewhere safe.`;
		} catch (error) {
			this.note = `The backup file is saved, but this phone could not note when (${messageOf(error)}).`;
		}
	}
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
