// `kakunin flows validate [file…]`: checks flow files and prints every problem with file, path and line.
import { resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import { FlowFileError } from '../flow/errors.ts';
import { defaultFlowsDir, loadFlowFile } from '../flow/loader.ts';
import { checklistRefs } from '../engine/prompt.ts';

export function validateFlows(files: string[], out: (line: string) => void, err: (line: string) => void): number {
  const targets = files.length
    ? files.map((f) => resolve(f))
    : readdirSync(defaultFlowsDir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
        .map((f) => resolve(defaultFlowsDir, f));
  let failures = 0;
  for (const file of targets) {
    try {
      const flow = loadFlowFile(file);
      out(`ok  ${file}  (${flow.id} v${flow.version}, ${flow.sections.length} sections, ${checklistRefs(flow).length} items)`);
    } catch (e) {
      if (!(e instanceof FlowFileError)) throw e;
      failures++;
      err(e.message);
    }
  }
  return failures === 0 ? 0 : 1;
}
