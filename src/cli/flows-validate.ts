// `kakunin flows validate [file…]`: checks flow files and prints every problem with file, path and line.
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { FlowFileError } from '../flow/errors.ts';
import { loadNamedFlowFile } from '../flow/loader.ts';
import { checklistRefs } from '../flow/model.ts';

/** Checks the given files, or every file in `flowsDir` (KAKUNIN_FLOWS_DIR or flows/), as the app would load them. */
export function validateFlows(files: string[], flowsDir: string, out: (line: string) => void, err: (line: string) => void): number {
  const targets = files.length
    ? files.map((f) => resolve(f))
    : readdirSync(flowsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => resolve(flowsDir, f));
  let failures = 0;
  for (const file of targets) {
    try {
      const flow = loadNamedFlowFile(file);
      out(`ok  ${file}  (${flow.id} v${flow.version}, ${flow.sections.length} sections, ${checklistRefs(flow).length} items)`);
    } catch (e) {
      if (!(e instanceof FlowFileError)) throw e;
      failures++;
      err(e.message);
    }
  }
  return failures === 0 ? 0 : 1;
}
