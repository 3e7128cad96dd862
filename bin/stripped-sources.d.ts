// Types for stripped-sources.js (plain JavaScript: the launcher runs before any TypeScript loader).
import type { spawnSync } from 'node:child_process';

/** [size, mtimeMs] of each source, by path relative to the checkout with / between names. */
export type SourceStats = Record<string, [number, number]>;
export interface StrippedSourcesManifest {
  format: number;
  stripper: string;
  /** Sources whose stripped copy is current. */
  files: SourceStats;
  /** Sources the stripper refused (left to Node until they change). */
  failed: SourceStats;
}
export type Stripper = (root: string, dir: string, paths: string[]) => Record<string, string>;
export declare const STRIPPED_FORMAT: number;
export declare const SOURCE_DIRS: string[];
export declare class StrippedSourcesError extends Error {}
export declare function strippedSourcesDir(root: string): string;
export declare function canStripSources(module: object, proc?: Pick<NodeJS.Process, 'features'>): boolean;
export declare function stripperVersion(proc?: Pick<NodeJS.Process, 'versions' | 'version'>): string;
export declare function listSources(root: string, dirs?: string[]): [string, number, number][];
export declare function readSourcesManifest(dir: string): StrippedSourcesManifest | undefined;
export declare function stripInChild(root: string, dir: string, paths: string[], spawn?: typeof spawnSync): Record<string, string>;
export declare function strippedSources(root: string, dir?: string, options?: { dirs?: string[]; strip?: Stripper; version?: string }): Map<string, string>;
