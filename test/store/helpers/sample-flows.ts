// A tiny checklist in two versions: v2 rewords the first item, as an edited flows/*.yaml would.
import { parseFlow } from '../../../src/flow/loader.ts';
import type { Flow } from '../../../src/flow/model.ts';

const yaml = (version: number, firstItemText: string) => `
id: sample-check
version: ${version}
title: サンプル自己点検
sections:
  - id: structure
    title: 体制
    items:
      - id: officer
        number: "1."
        text: ${firstItemText}
        answer: { type: status, notApplicable: true }
      - id: devices
        number: "2."
        text: 端末の台数
        answer: { type: number, unit: 台 }
`;

export const sampleFlowV1: Flow = parseFlow(
  yaml(1, '医療情報システム安全管理責任者を設置している'),
  'sample-check.yaml',
);
export const sampleFlowV2: Flow = parseFlow(
  yaml(2, '医療情報システム安全管理責任者を設置し、周知している'),
  'sample-check.yaml',
);
