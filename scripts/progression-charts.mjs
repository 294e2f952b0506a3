// `npm run docs:progression`: draws docs/progression-*.svg from the simulator (see
// scripts/progression-charts.ts), loaded through Vite so it reads routes-data as the app does.
import { throughVite } from './through-vite.mjs';

await throughVite('/scripts/progression-charts.ts', (charts) => charts.run());
