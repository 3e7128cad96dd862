// A flow version is immutable once stored (its id and content hash name it), so the scheduler reads
// and validates each one once instead of once per reminder line.
import type { Flow } from '../flow/model.ts';
import type { Store } from '../store/store.ts';

export type FlowVersionOf = (flowId: string, flowHash: string) => Flow;

export function cachedFlowVersions(store: Store): FlowVersionOf {
  const cache = new Map<string, Flow>();
  return (flowId, flowHash) => {
    const key = `${flowId}@${flowHash}`;
    let flow = cache.get(key);
    if (!flow) {
      flow = store.flowVersions.get(flowId, flowHash);
      cache.set(key, flow);
    }
    return flow;
  };
}
