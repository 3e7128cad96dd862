// A modal remembers the message it was opened from in its private_metadata, so that message can be
// closed or redrawn after the submission; a modal opened from App Home remembers none.
import { describe, expect, test } from 'vitest';
import { encodeValue, originFromMetadata, originMetadata } from '../../src/slack/action-values.ts';

describe('the message a modal was opened from', () => {
  test('comes back from the metadata it was written into', () => {
    const origin = { channelId: 'D0SATO', messageTs: '1764633600.000100' };
    const meta = JSON.parse(encodeValue({ a: 'as_1', ...originMetadata(origin) })) as { c?: string; t?: string };
    expect(meta).toEqual({ a: 'as_1', c: 'D0SATO', t: '1764633600.000100' });
    expect(originFromMetadata(meta)).toEqual(origin);
  });

  test('is none when the modal was opened from no message, or the metadata names only half of one', () => {
    expect(originMetadata(undefined)).toEqual({});
    expect(originFromMetadata({})).toBeUndefined();
    expect(originFromMetadata({ c: 'D0SATO' })).toBeUndefined();
    expect(originFromMetadata({ t: '1764633600.000100' })).toBeUndefined();
  });
});
