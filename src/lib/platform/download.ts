/**
 * Saves a file the app made (a backup, a CSV, a calendar reminder) through the browser's own
 * download, with nothing sent anywhere: a Blob URL and a link with `download`.
 */
export function downloadFile(name: string, type: string, parts: BlobPart[]): void {
	const url = URL.createObjectURL(new Blob(parts, { type }));
	const link = document.createElement('a');
	link.href = url;
	link.download = name;
	link.hidden = true;
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started by the next task; some browsers still read the URL a moment later.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
