// Small steps the Slack stories share.
import type { Harness } from './harness.ts';
import { buttonLabels, type SlackUser } from './slack-user.ts';

/** Starts the 90-item checklist and answers the four scope questions (all "in use"). */
export async function startChecklist(user: SlackUser): Promise<void> {
  await user.command('start mhlw-minimum-5.2');
  await user.click('始める');
  // Each section's introduction comes with its first question: no click between sections.
  for (const label of ['利用している', '取り扱っている', '採用している', 'ある']) await user.click(label);
}

/** Answers `n` checklist questions 実施済. */
export async function answerDone(user: SlackUser, n: number): Promise<void> {
  for (let done = 0; done < n; done++) {
    if (!buttonLabels(user.last().blocks).includes('実施済')) throw new Error(`not a checklist question: ${buttonLabels(user.last().blocks).join(', ')}`);
    await user.click('実施済');
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
