// @ts-check
/**
 * Serves the production build with `vite preview` for the quality gates, on GATE_PORT (4180 when
 * unset), and stops it again. The build must exist: `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** The flags every gate starts Chromium with (and Lighthouse's headless run). */
export const CHROME_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/** @returns {Promise<{ url: string; stop: () => Promise<void> }>} */
export async function startPreview() {
	if (!existsSync('build/index.html')) {
		throw new Error('No production build: run `npm run build` first.');
	}
	const port = Number(process.env.GATE_PORT ?? 4180);
	const url = `http://localhost:${port}`;
	const server = spawn(
		'node_modules/.bin/vite',
		['preview', '--port', String(port), '--strictPort'],
		{
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	server.stdout.on('data', (chunk) => (output += chunk));
	server.stderr.on('data', (chunk) => (output += chunk));
	const exited = new Promise((resolve) => server.once('exit', resolve));

	const deadline = Date.now() + 30_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`vite preview stopped:\n${output}`);
		try {
			const response = await fetch(url + '/');
			if (response.ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			server.kill();
			throw new Error(`vite preview did not answer on ${url}:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}

	return {
		url,
		stop: async () => {
			if (server.exitCode === null) server.kill();
			await exited;
		}
	};
}

/** The median of some numbers. */
export function median(/** @type {number[]} */ values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
