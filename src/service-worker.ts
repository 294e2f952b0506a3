/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';

/**
 * Keeps the whole app on the device: every built file, every static file and every prerendered
 * page (the exercise content is inside the JavaScript), stored at install under the build's
 * version. After the first visit the app never needs the network again.
 *
 * A new version installs beside the old one and waits. It takes over only when the person taps
 * "Update ready - reload" (the page sends SKIP_WAITING), or when every tab of the app is closed:
 * a routine in progress is never swapped out from under the person.
 */

const worker = self as unknown as ServiceWorkerGlobalScope;

const CACHE_PREFIX = 'backcare-';
const CACHE = `${CACHE_PREFIX}${version}`;
const PRECACHE = [...new Set([...build, ...files, ...prerendered])];
const precached = new Set(PRECACHE);

worker.addEventListener('install', (event) => {
	event.waitUntil(precacheAll());
});

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			await removeOldCaches();
			// The first install takes the page that installed it, so its lazy chunks come from here
			// too. An update only gets here once the person asked for it or every tab was closed.
			await worker.clients.claim();
		})()
	);
});

worker.addEventListener('message', (event) => {
	if (isSkipWaiting(event.data)) void worker.skipWaiting();
});

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin) return;
	if (request.mode === 'navigate') {
		event.respondWith(page(request, url));
	} else if (precached.has(url.pathname)) {
		event.respondWith(fromCache(request, url.pathname));
	}
	// Anything else (such as /_app/version.json) goes to the network as usual.
});

/** All or nothing: a version with a file missing fails to install, and the old one stays. */
async function precacheAll(): Promise<void> {
	const cache = await caches.open(CACHE);
	await Promise.all(
		PRECACHE.map(async (path) => {
			// Hashed files never change; everything else is fetched past the HTTP cache so a new
			// version never stores an old page.
			const immutable = path.includes('/_app/immutable/');
			const response = await fetch(new Request(path, { cache: immutable ? 'default' : 'reload' }));
			if (!response.ok) throw new Error(`Could not keep ${path} offline: HTTP ${response.status}`);
			await cache.put(path, await servable(response));
		})
	);
}

async function removeOldCaches(): Promise<void> {
	const names = await caches.keys();
	await Promise.all(
		names
			.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
			.map((name) => caches.delete(name))
	);
}

/** Pages come from the cache first: the same page every time, instantly, with or without signal. */
async function page(request: Request, url: URL): Promise<Response> {
	const path = pagePath(url.pathname);
	if (precached.has(path)) {
		const cached = await caches.match(path, { cacheName: CACHE });
		if (cached) return cached;
	}
	try {
		return await fetch(request);
	} catch {
		return notInTheApp();
	}
}

async function fromCache(request: Request, path: string): Promise<Response> {
	const cached = await caches.match(path, { cacheName: CACHE });
	return cached ?? fetch(request);
}

/** `/history/` and `/history.html` are the page `/history`; `/index.html` is `/`. */
function pagePath(pathname: string): string {
	let path = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
	if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
	return path;
}

/**
 * A response that followed a redirect cannot answer a navigation; keep its body and headers
 * under the address that was asked for.
 */
async function servable(response: Response): Promise<Response> {
	if (!response.redirected) return response;
	return new Response(await response.blob(), {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
}

/** An address that is not part of the app, asked for with no network: a calm page, not an error. */
function notInTheApp(): Response {
	const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Not part of the app · Back care</title>
</head>
<body>
<main>
<h1>This page is not part of the app</h1>
<p>Everything else still works offline.</p>
<p><a href="/">Go to today’s routine</a></p>
</main>
</body>
</html>`;
	return new Response(html, {
		status: 404,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
}

function isSkipWaiting(data: unknown): boolean {
	return (
		typeof data === 'object' &&
		data !== null &&
		(data as { type?: unknown }).type === 'SKIP_WAITING'
	);
}
