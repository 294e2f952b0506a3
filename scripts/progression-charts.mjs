// `npm run docs:progression`: draws docs/progression-*.svg from the simulator (see
// scripts/progression-charts.ts), loaded through Vite so it reads routes-data as the app does.
import { createServer } from 'vite';

const server = await createServer({
	server: { middlewareMode: true, hmr: false, ws: false },
	appType: 'custom',
	logLevel: 'warn'
});
try {
	const charts = await server.ssrLoadModule('/scripts/progression-charts.ts');
	await charts.run();
} finally {
	await server.close();
}
