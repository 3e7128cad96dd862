// The 医療法人 of the lead stories, set up the way its leads do it: 本院 answered by 佐藤さん, 北分院 by
// 鈴木さん, the owner (田中) and the admin (山本) as leads.
import type { Participant } from '../../src/service/interaction.ts';
import type { Harness } from './harness.ts';
import { leadStoryUsers } from './lead-people.ts';
import type { SlackUser } from './slack-user.ts';

export { leadStoryUsers };

export interface TwoClinics {
  boss: SlackUser;
  admin: SlackUser;
  sato: SlackUser;
  suzuki: SlackUser;
  organizationId: () => string;
  personId: (slackUserId: string) => string;
  participant: (slackUserId: string) => Participant;
  facilityId: (name: string) => string;
}

export async function setUpTwoClinics(h: Harness): Promise<TwoClinics> {
  const boss = h.user('U0BOSS', 'tanaka');
  await boss.command('facility add 本院');
  await boss.command('facility add 北分院');
  await boss.command('facility assign 本院 <@U0SATO|sato>');
  await boss.command('facility assign 北分院 <@U0SUZUKI|suzuki>');
  const organizationId = () => h.store.organizations.ensureForSlackTeam('T0CLINIC').id;
  const personId = (slackUserId: string) => h.store.people.ensureForSlackUser(organizationId(), slackUserId).id;
  return {
    boss,
    admin: h.user('U0ADMIN', 'yamamoto'),
    sato: h.user('U0SATO', 'sato'),
    suzuki: h.user('U0SUZUKI', 'suzuki'),
    organizationId,
    personId,
    participant: (slackUserId) => ({ organizationId: organizationId(), personId: personId(slackUserId), channel: 'slack' }),
    facilityId: (name) => h.store.facilities.list(organizationId()).find((f) => f.name === name)!.id,
  };
}
