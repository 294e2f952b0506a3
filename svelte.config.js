import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * SvelteKit's route announcer (the live region that reads the new page's title after a
 * navigation) hides itself with a style attribute, which `style-src 'self'` blocks
 * (sveltejs/kit#11993). Its hash, with 'unsafe-hashes', lets that one attribute through and no
 * other. Read from the installed SvelteKit so an upgrade cannot leave a stale hash behind; once
 * SvelteKit drops the attribute there is nothing to allow.
 */
function announcerStyleHashes() {
	const kit = dirname(createRequire(import.meta.url).resolve('@sveltejs/kit/package.json'));
	const root = readFileSync(join(kit, 'src/core/sync/write_root.js'), 'utf8');
	const style = root.match(/id="svelte-announcer"[^>]*\sstyle="([^"]*)"/)?.[1];
	if (!style) return [];
	return [`sha256-${createHash('sha256').update(style).digest('base64')}`];
}
const announcerStyle = announcerStyleHashes();

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ fallback: undefined, strict: true }),
		// Each page's few kB of CSS ride in its HTML (covered by the CSP's hashes below): a
		// stylesheet request blocks the first paint by a round trip on a phone's network.
		inlineStyleThreshold: 16_384,
		prerender: { entries: ['*'] },
		// Registered by src/lib/platform/service-worker.ts through workbox-window, so that a new
		// version waits for the person instead of taking over mid-routine.
		serviceWorker: { register: false },
		// Prerendered pages carry the policy in a <meta> tag, with hashes of SvelteKit's inline
		// start-up script. Nothing loads from another origin; no inline styles but the announcer's,
		// no eval.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				...(announcerStyle.length > 0 && {
					'style-src-attr': ['unsafe-hashes', ...announcerStyle]
				}),
				'img-src': ['self'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'media-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
