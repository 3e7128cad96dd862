// Types for bundled-libraries.js (plain JavaScript: the launcher runs before any TypeScript loader).
import type { Stats } from 'node:fs';
import type * as esbuild from 'esbuild';

export interface BundledLibrariesManifest {
  format: number;
  esbuild: string;
  /** The bundle's file name in its directory, by package name. */
  bundles: Record<string, string>;
  /** [size, mtimeMs] of every file that went into the bundles, by path relative to the checkout. */
  inputs: Record<string, [number, number]>;
}
export type Esbuild = Pick<typeof esbuild, 'build' | 'version'>;
export declare const BUNDLED_LIBRARIES: string[];
export declare const BUNDLE_FORMAT: number;
export declare class BundledLibrariesError extends Error {}
export declare function bundledLibrariesDir(root: string): string;
export declare function readManifest(dir: string): BundledLibrariesManifest | undefined;
export declare function isCurrent(manifest: BundledLibrariesManifest | undefined, root: string, dir: string, stat?: (path: string) => Stats): boolean;
export declare function buildLibraries(root: string, dir: string, esbuild: Esbuild): Promise<BundledLibrariesManifest>;
export declare function bundledLibraryUrls(root: string, dir?: string, loadEsbuild?: () => Promise<Esbuild>): Promise<Record<string, string>>;
