// Runs a benchmark written in TypeScript (bench/<name>.ts) through Vite, so it imports the app's
// modules as the app does ($lib, the routes-data plugin). Usage: node bench/run.mjs history
import { createServer } from 'vite';

const name = process.argv[2];
if (!name || !/^[a-z-]+$/.test(name)) {
	console.error('Usage: node bench/run.mjs <benchmark>, e.g. node bench/run.mjs history');
	process.exit(2);
}

const server = await createServer({
	server: { middlewareMode: true, hmr: false, ws: false },
	appType: 'custom',
	logLevel: 'warn'
});
try {
	const bench = await server.ssrLoadModule(`/bench/${name}.ts`);
	await bench.run();
} finally {
	await server.close();
}
