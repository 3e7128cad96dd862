// Types for allocator-settings.js (plain JavaScript: the launcher runs before any TypeScript loader).
export declare const MALLOC_TUNABLES: string;
export declare function withMallocTunables<E extends Record<string, string | undefined>>(env: E): E & { GLIBC_TUNABLES: string };
export declare function needsMallocTunables(proc: { platform: string; execve?: unknown; env: Record<string, string | undefined>; channel?: unknown }): boolean;
