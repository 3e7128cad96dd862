// A compliance lead opens kakunin's App Home and sees when the last good backup was — and, after a
// failed one, that it failed. A clinic manager (not a lead) does not see backup housekeeping.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { startHarness } from '../slack/harness.ts';
import { textOf } from '../slack/slack-user.ts';

test('the lead’s App Home says when the last good backup was, and when one failed', async () => {
  // 佐藤さん is a workspace admin, so kakunin makes her a lead.
  const h = await startHarness({
    backups: true,
    fake: { users: { U0SATO: { name: 'sato', realName: '佐藤 花子', isAdmin: true }, U0SUZUKI: { name: 'suzuki', realName: '鈴木 一郎' } } },
  });
  const sato = h.user('U0SATO', 'sato');

  await sato.openHome();
  expect(textOf(sato.homeBlocks())).toContain('まだ正常なバックアップがありません。');

  await h.backups!.take();
  await sato.openHome();
  expect(textOf(sato.homeBlocks())).toContain('最後の正常なバックアップ: 2026-04-01 09:00');

  h.clock.advance(24 * 60 * 60 * 1000);
  const blocked = join(dirname(h.dbPath), 'blocked');
  writeFileSync(blocked, '');
  await expect(h.backups!.take(join(blocked, 'x.sqlite'))).rejects.toThrow();
  await sato.openHome();
  expect(textOf(sato.homeBlocks())).toContain('最後の正常なバックアップ: 2026-04-01 09:00\n2026-04-02 09:00 のバックアップに失敗しました。ログを確認してください。');
  expect(h.logs.some((l) => l.msg === 'backup failed; the last good backup is unchanged')).toBe(true);

  // A manager's Home has no backup line.
  const suzuki = h.user('U0SUZUKI', 'suzuki');
  await suzuki.openHome();
  expect(textOf(suzuki.homeBlocks())).not.toContain('バックアップ');
});
