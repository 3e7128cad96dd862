// The same sources compiled to JavaScript with tsc, as the floor for start-up: .bench-build/src mirrors
// src/, and flows/ and templates/ are linked beside it so paths relative to the modules still resolve.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const buildDir = join(repoRoot, '.bench-build');

/** Compiles src/ into .bench-build/src and returns the directory. */
export function precompile(): string {
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(
    join(buildDir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../tsconfig.json',
      include: ['../src'],
      compilerOptions: {
        noEmit: false,
        allowImportingTsExtensions: false,
        rewriteRelativeImportExtensions: true,
        rootDir: '../src',
        outDir: './src',
        sourceMap: false,
      },
    }),
  );
  execFileSync(join(repoRoot, 'node_modules', '.bin', 'tsc'), ['-p', join(buildDir, 'tsconfig.json')], { stdio: 'inherit', cwd: repoRoot });
  for (const dir of ['flows', 'templates']) {
    const link = join(buildDir, dir);
    if (!existsSync(link)) symlinkSync(join('..', dir), link);
  }
  return join(buildDir, 'src');
}
