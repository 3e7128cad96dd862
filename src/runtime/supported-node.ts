// Which Node kakunin runs on, checked before anything loads better-sqlite3: its Node-API build segfaults on
// Node 20, and a one-line explanation beats a core dump.
export const MIN_NODE_MAJOR = 22;

/** The one line to print when `version` (as in `process.version`) is too old, or null when it is supported. */
export function unsupportedNodeMessage(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? NaN);
  if (Number.isFinite(major) && major >= MIN_NODE_MAJOR) return null;
  return (
    `kakunin は Node ${MIN_NODE_MAJOR} 以上が必要です（このNode: ${version}）。Node 24 LTS を入れるか、npm start / npm run kakunin で起動してください。` +
    ` / kakunin needs Node ${MIN_NODE_MAJOR} or newer (found ${version}): install Node 24 LTS (https://nodejs.org/), or start it with npm start / npm run kakunin, which use the Node that npm install provides.`
  );
}
