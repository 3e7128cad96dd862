// The people of the multi-site stories: a 医療法人's head office (院長 = workspace owner, 事務長 = admin),
// two clinic managers, a newcomer nobody assigned yet, and a bot that is an admin but never a lead.
import type { FakeUser } from './fake-slack-api.ts';

export const leadStoryUsers: Record<string, FakeUser> = {
  U0BOSS: { name: 'tanaka', realName: '田中 院長', isOwner: true },
  U0ADMIN: { name: 'yamamoto', realName: '山本 事務長', isAdmin: true },
  U0SATO: { name: 'sato', realName: '佐藤 花子' },
  U0SUZUKI: { name: 'suzuki', realName: '鈴木 一郎' },
  U0NEW: { name: 'takahashi', realName: '高橋 新' },
  U0HELPER: { name: 'helperbot', isAdmin: true, isBot: true },
};

/** What the ephemeral ack of a slash command says. */
export function ackText(result: { body: string }): string {
  return (JSON.parse(result.body) as { text: string }).text;
}
