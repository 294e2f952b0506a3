// `npm run simulate -- DIARY.json`: prints, as JSON, what the app would prescribe each day of a
// diary (see the README). The work is done by src/lib/core/progression/simulate.ts, the app's own core, loaded
// through Vite so that it reads routes-data as the app does.
import { throughVite } from './through-vite.mjs';

const file = process.argv[2];
if (!file) {
	console.error('Usage: npm run simulate -- DIARY.json');
	process.exit(2);
}

await throughVite(
	'/scripts/simulate-cli.ts',
	(cli) => {
		process.exitCode = cli.main(
			file,
			(text) => process.stdout.write(text),
			(text) => process.stderr.write(text)
		);
	},
	'silent'
);
