// A lead without Slack reviews from the CLI, with the same rules and history: only leads, one decision per
// round, the comment and flagged items (each with its comment) recorded with channel 'cli'.
import { expect, test } from 'vitest';
import { runEntry } from '../helpers/run-cli.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { checklistFlows, startHarness } from '../slack/harness.ts';
import { leadStoryUsers, setUpTwoClinics } from '../slack/two-clinics.ts';

test('review list | show | approve | return from the CLI', async () => {
  const h = await startHarness({ fake: { users: leadStoryUsers } });
  const c = await setUpTwoClinics(h);
  const submit = async (userId: string, user: typeof c.sato) => {
    await user.command('start mhlw-minimum-5.2');
    const id = h.store.assessments.listForPerson(c.organizationId(), c.personId(userId))[0]!.id;
    submitThroughService(h.service, c.participant(userId), id, mixedAnswers(checklistFlows().get('mhlw-minimum-5.2')!));
    return id;
  };
  const honin = await submit('U0SATO', c.sato);
  h.clock.advance(60 * 60 * 1000);
  const kita = await submit('U0SUZUKI', c.suzuki);
  const env = { KAKUNIN_DB: h.store.db.name };
  const cli = (...args: string[]) => runEntry('src/cli/main.ts', args, '', env);

  const refused = await cli('review', 'list', '--as', 'U0SATO');
  expect(refused.code).toBe(2);
  expect(refused.stderr).toContain('リードではないため');

  const list = await cli('review', 'list', '--as', 'U0BOSS');
  expect(list.code).toBe(0);
  expect(list.stdout.trim().split('\n').map((l) => l.split('\t').slice(0, 2))).toEqual([
    [honin, '本院'],
    [kita, '北分院'],
  ]);

  const returned = await cli('review', 'return', honin, '--as', 'U0BOSS', '--comment', '実施予定の項目を確認してください', '--item', 'technical.15', '二要素認証は導入済みでは？', '--item', 'physical.5', '');
  expect(returned.stderr).toBe('');
  expect(returned.stdout).toContain('差し戻しました（第1回提出、指摘 2件）');
  expect(h.store.assessments.get(c.organizationId(), honin).status).toBe('returned');
  expect(h.store.reviews.history(honin)[0]).toMatchObject({
    decision: 'returned',
    channel: 'cli',
    comment: '実施予定の項目を確認してください',
    // In flow order: 物理的 before 技術的.
    flags: [
      { itemId: 'physical.5', comment: '' },
      { itemId: 'technical.15', comment: '二要素認証は導入済みでは？' },
    ],
  });

  const approved = await cli('review', 'approve', kita, '--as', 'U0ADMIN', '--comment', '問題ありません');
  expect(approved.stdout).toContain('承認しました（第1回提出）');
  const again = await cli('review', 'approve', kita, '--as', 'U0ADMIN');
  expect(again.code).toBe(2);
  expect(again.stderr).toContain('すでに判断済み');
  expect(h.store.reviews.history(kita)).toHaveLength(1);

  const show = await cli('review', 'show', honin, '--as', 'U0ADMIN');
  expect(show.stdout).toContain('拠点: 本院');
  expect(show.stdout).toContain('第1回: 差し戻し — 田中 院長（cli）');
  expect(show.stdout).toContain('• 技術的安全管理対策 15. — 二要素認証は導入済みでは？');

  // The operator (who holds the database file) can name leads; the last lead still stays.
  const added = await cli('leads', 'add', 'U0SATO');
  expect(added.code).toBe(0);
  expect(added.stdout).toContain('U0SATO\t佐藤 花子');
  expect(h.store.people.findBySlackUser(c.organizationId(), 'U0SATO')!.role).toBe('lead');
}, 180_000);
