// A clinic answers 「はい」 to 無線LAN, answers 技術的 18–20, goes back and answers 「いいえ」, then 「はい」 again:
// the three answers are asked about, kept out of sight while they do not apply, and come back.
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Interaction } from '../../src/engine/events.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import type { Participant } from '../../src/service/interaction.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { createStore } from '../../src/store/store.ts';
import { runTerminal } from '../../src/terminal/start-terminal.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const flows = loadFlowsDir();
const clock = () => new Date('2026-11-22T00:30:00Z');
const wlan = (value: boolean, confirmHide?: boolean): Interaction => ({
  type: 'REVISE',
  itemId: 'scope.wireless-lan',
  answer: { kind: 'yesno', value },
  ...(confirmHide ? { confirmHide } : {}),
});

function setUp(dir: string) {
  const store = createStore(join(dir, 'k.sqlite'), { now: clock });
  const service = createAssessmentService({ store, flows, clock });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '本院');
  const person = store.people.ensureLocal(org.id, '山田');
  const who: Participant = { organizationId: org.id, personId: person.id, channel: 'slack' };
  const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId: 'mhlw-minimum-5.2' }).assessment.id;
  const act = (i: Interaction) => service.interact(who, id, i);
  act({ type: 'START' });
  for (const gate of ['scope.wireless-lan', 'scope.iot', 'scope.outsourcing', 'scope.byod'])
    act({ type: 'ANSWER', itemId: gate, answer: { kind: 'yesno', value: gate === 'scope.wireless-lan' } });
  act({ type: 'REVISE', itemId: 'technical.18', answer: { kind: 'done' } });
  act({ type: 'REVISE', itemId: 'technical.19', answer: { kind: 'planned', date: '2027-03-31' } });
  act({ type: 'REVISE', itemId: 'technical.20', answer: { kind: 'done' } });
  return { store, service, org, who, id, act, facility, person };
}

describe('gate changes never destroy answers', () => {
  const tempDir = useTempDir();

  it('hiding answered items is refused with their count until confirmed; nothing changes meanwhile', () => {
    const s = setUp(tempDir());
    const before = s.service.answers(s.org.id, s.id);
    const refused = s.act(wlan(false));
    expect(refused.accepted).toBe(false);
    expect(refused.prompt.error).toEqual({ code: 'gate.hidesAnswers', params: { count: 3, items: ['technical.18', 'technical.19', 'technical.20'] } });
    expect(s.service.answers(s.org.id, s.id)).toEqual(before);
  });

  it('confirmed, the answers are kept out of sight (該当なし) and come back when the gate opens again; history has both steps', () => {
    const s = setUp(tempDir());
    const hidden = s.act(wlan(false, true));
    expect(hidden.accepted).toBe(true);
    const whileHidden = s.service.answers(s.org.id, s.id);
    expect(whileHidden['technical.18']).toMatchObject({ kind: 'na', auto: true, hidden: { kind: 'done' } });
    expect(whileHidden['technical.19']).toMatchObject({ kind: 'na', auto: true, hidden: { kind: 'planned', date: '2027-03-31' } });

    // Opening the gate hides nothing, so it needs no confirmation.
    const shown = s.act(wlan(true));
    expect(shown.accepted).toBe(true);
    const after = s.service.answers(s.org.id, s.id);
    expect(after['technical.18']).toEqual({ kind: 'done' });
    expect(after['technical.19']).toEqual({ kind: 'planned', date: '2027-03-31' });
    expect(after['technical.20']).toEqual({ kind: 'done' });

    const history = s.store.answers.history(s.id, 'technical.19');
    expect(history.map((h) => [h.oldAnswer?.kind ?? null, h.newAnswer?.kind ?? null])).toEqual([
      [null, 'planned'],
      ['planned', 'na'],
      ['na', 'planned'],
    ]);
    const gateHistory = s.store.answers.history(s.id, 'scope.wireless-lan');
    expect(gateHistory.map((h) => (h.newAnswer?.kind === 'yesno' ? h.newAnswer.value : null))).toEqual([true, false, true]);
    expect(gateHistory.at(-1)).toMatchObject({ personId: s.person.id, channel: 'slack' });
  });

  it('the terminal says how many answers would be hidden and asks; 「n」 keeps everything, 「y」 changes the gate', async () => {
    const s = setUp(tempDir());
    s.act({ type: 'REVIEW' });
    s.act({ type: 'EDIT', itemId: 'scope.wireless-lan' });
    s.act({ type: 'PAUSE' });
    const run = async (lines: string[]) => {
      let out = '';
      const output = new Writable({ write: (chunk: Buffer, _e, done) => ((out += chunk.toString()), done()) });
      const directory = createWorkspaceDirectory({ store: s.store, channel: 'terminal', clock });
      await runTerminal({ directory, service: s.service, locale: 'ja', input: Readable.from(lines.map((l) => `${l}\n`)), output });
      return out;
    };
    const declined = await run(['本院', '山田', '1', '2', 'n', 'p']);
    expect(declined).toContain('この回答にすると、回答済みの3項目が該当なしになり見えなくなります');
    expect(declined).toContain('変更しませんでした。回答はそのままです。');
    expect(s.service.answers(s.org.id, s.id)['scope.wireless-lan']).toEqual({ kind: 'yesno', value: true });

    const confirmed = await run(['本院', '山田', '1', '2', 'y', 'p']);
    expect(confirmed).toContain('変更しますか？');
    const answers = s.service.answers(s.org.id, s.id);
    expect(answers['scope.wireless-lan']).toEqual({ kind: 'yesno', value: false });
    expect(answers['technical.18']).toMatchObject({ kind: 'na', hidden: { kind: 'done' } });
  });
});
