import { describe, expect, it } from 'vitest';
import { FlowHashMismatchError, NotFoundError } from '../../src/store/errors.ts';
import { sampleFlowV1, sampleFlowV2 } from './helpers/sample-flows.ts';
import { openTempStore } from './helpers/temp-store.ts';

describe('flow versions', () => {
  it('stores a flow once and reads the same flow back', () => {
    const store = openTempStore();
    store.flowVersions.save(sampleFlowV1);
    store.flowVersions.save(sampleFlowV1);

    expect(store.db.prepare('SELECT count(*) FROM flow_versions').pluck().get()).toBe(1);
    expect(store.flowVersions.get(sampleFlowV1.id, sampleFlowV1.hash)).toEqual(sampleFlowV1);
  });

  it('keeps every version of a flow side by side', () => {
    const store = openTempStore();
    store.flowVersions.save(sampleFlowV1);
    store.flowVersions.save(sampleFlowV2);

    expect(store.flowVersions.get('sample-check', sampleFlowV1.hash).version).toBe('1');
    expect(store.flowVersions.get('sample-check', sampleFlowV2.hash).version).toBe('2');
  });

  it('refuses a flow whose hash does not describe its definition', () => {
    const store = openTempStore();
    const edited = { ...sampleFlowV1, title: { ja: '書き換え' } };
    expect(() => store.flowVersions.save(edited)).toThrow(FlowHashMismatchError);
  });

  it('says how to fix a version that was never saved', () => {
    const store = openTempStore();
    expect(() => store.flowVersions.get('sample-check', 'deadbeef')).toThrow(NotFoundError);
    expect(() => store.flowVersions.get('sample-check', 'deadbeef')).toThrow(/flowVersions\.save/);
  });
});
