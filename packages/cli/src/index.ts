export type { CliIO } from './internal/cli-io.js';
export { runCli } from './run-cli.js';
