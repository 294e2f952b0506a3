import {
	cpSync,
	existsSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

/**
 * The production build (build/, adapter-static's output) served from a copy of its own, the way
 * a plain static host would. Tests can cut the network for real (the server drops every
 * connection) and deploy a new version over it while a page is open.
 */
export interface StaticSite {
	url: string;
	/** When false, every request's connection is dropped, as with no signal at all. */
	online: boolean;
	/** Pathnames requested from the server, in order, with or without an answer. */
	readonly requests: string[];
	/** Pathnames that reached the server while it was offline (and got no answer). */
	readonly offlineRequests: string[];
	/** Deploys a new version of the app: a service worker with a new version and so a new cache. */
	deployNewVersion(): string;
	close(): Promise<void>;
}

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain; charset=utf-8'
};

export const BUILD_DIR = join(process.cwd(), 'build');

export async function serveBuild(): Promise<StaticSite> {
	if (!existsSync(join(BUILD_DIR, 'index.html'))) {
		throw new Error('No production build in build/: run `npm run build` first.');
	}
	const dir = mkdtempSync(join(tmpdir(), 'backcare-site-'));
	cpSync(BUILD_DIR, dir, { recursive: true });
	const requests: string[] = [];
	const offlineRequests: string[] = [];

	const server = createServer((request, response) => {
		const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		requests.push(pathname);
		if (!site.online) {
			offlineRequests.push(pathname);
			request.socket.destroy();
			return;
		}
		const file = fileFor(dir, pathname);
		if (!file) {
			response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		response.writeHead(200, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			'cache-control': pathname.startsWith('/_app/immutable/')
				? 'public, max-age=31536000, immutable'
				: 'no-cache'
		});
		response.end(readFileSync(file));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;

	const site: StaticSite = {
		// 127.0.0.1, like the address it listens on: a secure context for service workers too.
		url: `http://127.0.0.1:${port}`,
		online: true,
		requests,
		offlineRequests,
		deployNewVersion() {
			const { version } = JSON.parse(readFileSync(join(dir, '_app/version.json'), 'utf8')) as {
				version: string;
			};
			const next = `${version}-next`;
			const workerPath = join(dir, 'service-worker.js');
			const worker = readFileSync(workerPath, 'utf8');
			if (!worker.includes(version))
				throw new Error('The service worker does not name its version.');
			writeFileSync(workerPath, worker.replaceAll(version, next));
			writeFileSync(join(dir, '_app/version.json'), JSON.stringify({ version: next }));
			return next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => {
					rmSync(dir, { recursive: true, force: true });
					resolve();
				});
			})
	};
	return site;
}

/** `/` is index.html, `/history` is history.html, anything else is the file itself. */
function fileFor(dir: string, pathname: string): string | undefined {
	const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '');
	const candidates = safe.endsWith('/')
		? [join(dir, safe, 'index.html')]
		: [join(dir, safe), join(dir, `${safe}.html`)];
	return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}
