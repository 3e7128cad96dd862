// A three-item flow with one gate, small enough to reason about every transition.
import { parseFlow } from '../../src/flow/loader.ts';

export const smallFlowYaml = `
id: small
version: 1
title: { ja: 小さな点検, en: Small check }
sections:
  - id: scope
    kind: gates
    title: 前提の確認
    items:
      - { id: scope.wlan, text: 無線LANを利用していますか, answer: { type: yesno, yes: 利用している, no: 利用していない } }
  - id: org
    title: 組織的安全管理対策
    items:
      - { id: org.1, number: "1.", text: 責任者を置いている。, answer: { type: status } }
      - id: org.2
        number: "2."
        text: 無線LANを利用する場合、対策している。
        answer: { type: status }
        when: { condition: { item: scope.wlan, equals: true }, reason: 無線LANを利用していないため該当なし }
  - id: tech
    title: 技術的安全管理対策
    notes: [{ id: 注1, text: 注の本文。 }]
    items:
      - { id: tech.1, number: "1.", text: 識別と認証を行っている。, notes: [注1], answer: { type: status, notApplicable: true } }
`;

export const smallFlow = () => parseFlow(smallFlowYaml, 'small.yaml');
