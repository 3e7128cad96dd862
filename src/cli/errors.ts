// An operator's input the CLI cannot act on (unknown organization, unwritable file): one clear line, exit 2.
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}
