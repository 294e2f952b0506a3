// `npm run poses`: draws every exercise's start and end pose to PNGs in /tmp/poses (see
// scripts/render-poses.ts), loaded through Vite so it reads routes-data as the app does.
import { createServer } from 'vite';

const server = await createServer({
	server: { middlewareMode: true, hmr: false, ws: false },
	appType: 'custom',
	logLevel: 'warn'
});
try {
	const poses = await server.ssrLoadModule('/scripts/render-poses.ts');
	poses.run();
} finally {
	await server.close();
}
