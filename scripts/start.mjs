// `npm start`: lints examples/ with the built CLI. Findings (exit 1) are the point of the demo;
// only a usage or I/O failure (exit 2) fails the command.
import { spawnSync } from 'node:child_process';

const result = spawnSync(process.execPath, ['dist/cli.js', 'examples', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status === 1 ? 0 : (result.status ?? 2));
