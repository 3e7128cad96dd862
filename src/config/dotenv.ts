// Settings in `.env` (in the working directory) apply to every entry point: the app and the CLI.
import { existsSync } from 'node:fs';

/** Node reads .env itself (process.loadEnvFile); variables already set in the environment win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
