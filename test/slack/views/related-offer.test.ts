import { expect, test } from 'vitest';
import { relatedOfferMessage } from '../../../src/slack/views/related-offer.ts';
import { button, section } from './fixtures.ts';

const flow = { id: 'agency', title: { ja: '代行機関の様式', en: 'Agency form' } };
const missingChecklist = {
  relatedId: 'guideline-checklist',
  flowId: 'checklist',
  flowTitle: { ja: 'チェックリスト', en: 'Checklist' },
  message: { ja: 'まだ提出された<チェックリスト>がありません。', en: 'No checklist yet.' },
  canStart: true,
};

test('a missing checklist that can be started: the notice, then 先に… (primary) and このまま始める', () => {
  expect(relatedOfferMessage({ flow, missing: [missingChecklist], locale: 'ja' })).toEqual({
    text: 'まだ提出された&lt;チェックリスト&gt;がありません。',
    blocks: [
      section('*代行機関の様式*'),
      section(':information_source: まだ提出された&lt;チェックリスト&gt;がありません。'),
      {
        type: 'actions',
        block_id: 'related.agency',
        elements: [
          button('先に「チェックリスト」を始める', 'kakunin.related.first', { f: 'checklist' }, 'primary'),
          button('このまま始める', 'kakunin.related.skip', { f: 'agency', s: 1 }),
        ],
      },
    ],
  });
});

test('in English, and with nothing that can be started here: the notice alone', () => {
  const message = relatedOfferMessage({ flow, missing: [{ ...missingChecklist, canStart: false }], locale: 'en' });
  expect(message).toEqual({ text: 'No checklist yet.', blocks: [section('*Agency form*'), section(':information_source: No checklist yet.')] });
});
