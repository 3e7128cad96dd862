// A manager starts the agency form in Slack. Its 「ガイドラインの遵守」 box comes from the organization's
// submitted checklist; with none yet, kakunin says so and offers to start the checklist first.
import { expect, test } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import type { Flow } from '../../src/flow/model.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';
import { startHarness, type Harness } from './harness.ts';
import { buttonLabels, textOf } from './slack-user.ts';

const all = loadFlowsDir();
const flows = new Map<string, Flow>(['mhlw-minimum-5.2', 'agency-disclosure'].map((id) => [id, all.get(id)!]));
const CHECKLIST = '医療情報システムの安全管理に関するガイドライン 第5.2版 最低限のガイドライン遵守チェックリスト';

function assessmentsOf(h: Harness, userId: string) {
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  return h.store.assessments.listForPerson(org.id, h.store.people.ensureForSlackUser(org.id, userId).id).map((a) => a.flowId);
}

test('no checklist yet: starting the agency form says so and offers the checklist first; nothing is started', async () => {
  const h = await startHarness({ flows });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start agency-disclosure');
  const offer = sato.last();
  expect(textOf(offer.blocks)).toContain('まだ提出されたチェックリストがありません。');
  expect(buttonLabels(offer.blocks)).toEqual([`先に「${CHECKLIST}」を始める`, 'このまま始める']);
  expect(assessmentsOf(h, 'U0SATO')).toEqual([]);

  await sato.click(/^先に/);
  // The offer becomes a record of the choice; the checklist's introduction follows.
  expect(textOf(sato.message(offer.ts).blocks)).toContain(`▶ 先に「${CHECKLIST}」を始めます`);
  expect(buttonLabels(sato.message(offer.ts).blocks)).toEqual([]);
  expect(textOf(sato.last().blocks)).toContain(CHECKLIST);
  expect(buttonLabels(sato.last().blocks)).toEqual(['始める', '後で続ける']);
  expect(assessmentsOf(h, 'U0SATO')).toEqual(['mhlw-minimum-5.2']);
});

test('このまま始める starts the agency form; a second click on the old offer continues it instead of starting another', async () => {
  const h = await startHarness({ flows });
  const sato = h.user('U0SATO', 'sato');
  await sato.openHome();
  await sato.click('始める', 'home'); // the Home tab lists the checklist first, then the agency form
  await sato.command('start agency-disclosure');
  const offer = sato.last();
  await sato.click('このまま始める');
  expect(textOf(sato.message(offer.ts).blocks)).toContain('▶ 「事業運営上開示すべき重要事項の概要[代行機関]」をこのまま始めます');
  expect(textOf(sato.last().blocks)).toContain('事業運営上開示すべき重要事項の概要[代行機関]');

  await sato.click('このまま始める', { message: offer, version: 0 });
  expect(textOf(sato.dm().at(-2)!.blocks)).toContain('進行中の「事業運営上開示すべき重要事項の概要[代行機関]」があります。');
  expect(assessmentsOf(h, 'U0SATO').sort()).toEqual(['agency-disclosure', 'mhlw-minimum-5.2']);
});

test('with a submitted checklist in the organization, the agency form starts at once', async () => {
  const h = await startHarness({ flows });
  const sato = h.user('U0SATO', 'sato');
  await sato.command('start mhlw-minimum-5.2');
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  const person = h.store.people.ensureForSlackUser(org.id, 'U0SATO');
  const [checklist] = h.store.assessments.listForPerson(org.id, person.id);
  submitThroughService(h.service, { organizationId: org.id, personId: person.id, channel: 'slack' }, checklist!.id, mixedAnswers(flows.get('mhlw-minimum-5.2')!));

  // Another member of the clinic fills in the form: the checklist is the organization's, not hers.
  const suzuki = h.user('U0SUZUKI', 'suzuki');
  await suzuki.command('start agency-disclosure');
  expect(suzuki.dm()).toHaveLength(1);
  expect(textOf(suzuki.last().blocks)).not.toContain('チェックリストがありません');
  expect(buttonLabels(suzuki.last().blocks)).toEqual(['始める', '後で続ける']);
  expect(assessmentsOf(h, 'U0SUZUKI')).toEqual(['agency-disclosure']);
});
