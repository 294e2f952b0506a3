import { downloadFile } from './download';

/**
 * How saving a file ended: written to a file the person chose (the browser said so), the choice
 * cancelled, or handed to the browser's download, which never says whether the file arrived.
 */
export type SaveOutcome = 'saved' | 'cancelled' | 'downloaded';

/** The File System Access API's save dialog, where the browser has one (desktop Chromium). */
type SavePicker = (options: {
	suggestedName: string;
	types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

/**
 * Saves a file the app made where the person chooses and reports when it is really written;
 * without a save dialog (phones, Firefox, Safari) it falls back to a plain download.
 */
export async function saveFile(
	name: string,
	type: string,
	extension: string,
	parts: BlobPart[]
): Promise<SaveOutcome> {
	const picker = (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
	if (typeof picker !== 'function') {
		downloadFile(name, type, parts);
		return 'downloaded';
	}
	let handle: FileSystemFileHandle;
	try {
		handle = await picker.call(window, {
			suggestedName: name,
			types: [{ description: name, accept: { [type]: [extension] } }]
		});
	} catch (error) {
		if ((error as { name?: unknown } | null)?.name === 'AbortError') return 'cancelled';
		// No dialog after all (the tap is too long ago, a policy forbids it): a download does.
		downloadFile(name, type, parts);
		return 'downloaded';
	}
	const writable = await handle.createWritable();
	await writable.write(new Blob(parts, { type }));
	// Only a closed stream is a file on disk: until then the browser holds it in a temporary file.
	await writable.close();
	return 'saved';
}
