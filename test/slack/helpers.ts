// Small steps the Slack stories share.
import type { Harness } from './harness.ts';
import { buttonLabels, type SlackUser } from './slack-user.ts';

/** Starts the 90-item checklist and answers the four scope questions (all "in use"). */
export async function startChecklist(user: SlackUser): Promise<void> {
  await user.command('start mhlw-minimum-5.2');
  await user.click('始める');
  await user.click('始める');
  for (const label of ['利用している', '取り扱っている', '採用している', 'ある']) await user.click(label);
  await user.click('始める'); // 組織的安全管理対策
}

/** Answers `n` checklist questions 実施済, starting sections as they come. */
export async function answerDone(user: SlackUser, n: number): Promise<void> {
  for (let done = 0; done < n; ) {
    const labels = buttonLabels(user.last().blocks);
    if (labels.includes('実施済')) {
      await user.click('実施済');
      done++;
    } else await user.click('始める');
  }
}

export function sato(h: Harness): { organizationId: string; personId: string; assessmentId: () => string } {
  const organizationId = h.store.organizations.ensureForSlackTeam('T0CLINIC').id;
  const personId = h.store.people.ensureForSlackUser(organizationId, 'U0SATO').id;
  return { organizationId, personId, assessmentId: () => h.store.assessments.listForPerson(organizationId, personId)[0]!.id };
}

export function snapshot(h: Harness, assessmentId: string) {
  const a = h.store.assessments.get(h.store.organizations.ensureForSlackTeam('T0CLINIC').id, assessmentId);
  return { revision: a.revision, status: a.status, answers: h.store.answers.current(assessmentId), history: h.store.answers.history(assessmentId).length };
}
