// Imported first by every entry point: stops on an unsupported Node before better-sqlite3 is loaded.
import { unsupportedNodeMessage } from './supported-node.ts';

const message = unsupportedNodeMessage(process.version);
if (message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}
