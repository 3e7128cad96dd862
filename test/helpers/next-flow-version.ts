// Next year's version of a flow, as the ministry might publish it: one item dropped, one added at the end
// of a section, one item reworded. Item ids are what carries the answers over.
import { hashFlowFile, type Flow } from '../../src/flow/model.ts';
import type { FlowFile, ItemDef } from '../../src/flow/schema.ts';

export interface FlowRevision {
  version: string;
  remove?: string[];
  add?: { sectionId: string; item: Pick<ItemDef, 'id' | 'number' | 'text'> }[];
  reword?: Record<string, string>;
}

export function nextFlowVersion(flow: Flow, revision: FlowRevision): Flow {
  const { hash: _hash, ...file } = structuredClone(flow);
  const next: FlowFile = {
    ...file,
    version: revision.version,
    sections: file.sections.map((section) => ({
      ...section,
      items: [
        ...section.items
          .filter((item) => !revision.remove?.includes(item.id))
          .map((item) => (revision.reword?.[item.id] ? { ...item, text: { ...item.text, ja: revision.reword[item.id]! } } : item)),
        ...(revision.add ?? [])
          .filter((a) => a.sectionId === section.id)
          .map((a): ItemDef => ({ ...a.item, notes: [], required: true, answer: { type: 'status', notApplicable: false, maxPlanYears: 3 } })),
      ],
    })),
  };
  return { ...next, hash: hashFlowFile(next) };
}
