import { expect, test } from 'vitest';
import { homeView } from '../../../src/slack/views/home-view.ts';
import { button, context, section } from './fixtures.ts';

test('the Home tab lists assessments in progress and submitted, and offers each checklist', () => {
  const overview = {
    flowId: 'tiny',
    flowTitle: { ja: '小さな点検' },
    revision: 3,
    facilityName: '本院',
    total: 90,
    startedOn: '2026-04-01',
    updatedOn: '2026-04-02',
  };
  const view = homeView({
    open: [{ ...overview, id: 'as_1', status: 'paused', answered: 14, submittedOn: undefined }],
    submitted: [],
    flows: [{ id: 'tiny', title: { ja: '小さな点検' }, description: { ja: '説明の一行目\n二行目' } }],
    locale: 'ja',
  });
  expect(view).toEqual({
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: '確認 kakunin', emoji: true } },
      section('医療情報システムの安全管理に関する自己点検を、このアプリとのDMで進めます。途中で中断しても、続きから再開できます。'),
      { type: 'divider' },
      section('*進行中*'),
      { ...section('*小さな点検*\n回答 14/90・2026年4月2日更新'), accessory: button('続きから', 'kakunin.resume', { a: 'as_1' }, 'primary') },
      section('*提出済み*'),
      context('（ありません）'),
      { type: 'divider' },
      section('*新しく始める*'),
      { ...section('*小さな点検*\n説明の一行目'), accessory: button('始める', 'kakunin.start', { f: 'tiny' }) },
    ],
  });
});
