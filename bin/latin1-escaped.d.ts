// Types for latin1-escaped.js (plain JavaScript: the launcher runs before any TypeScript loader).
export declare function latin1Escaped(code: string, original: string): string;
