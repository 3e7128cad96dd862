// At the terminal, Sato is told first what is due (「期限が近い実施予定 2件」) and handles it there:
// one done, one moved with a reason, a bad command explained; then the usual menu follows.
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/flow/answer.ts';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createScheduler } from '../../src/scheduler/scheduler.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { createStore } from '../../src/store/store.ts';
import { parseDueCommand } from '../../src/terminal/due-items.ts';
import { runTerminal } from '../../src/terminal/start-terminal.ts';
import { submitThroughService } from '../helpers/fill-through-service.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { mixedAnswers } from '../report/fixtures/mixed-answers.ts';

const flows = loadFlowsDir();

describe('what is due, at the terminal', () => {
  const tempDir = useTempDir();

  it('lists the items due within 30 days and marks them done or moves them through the schedule service', async () => {
    const clock = () => new Date('2027-06-01T10:00:00+09:00');
    const store = createStore(join(tempDir(), 'k.sqlite'), { now: clock });
    const scheduler = createScheduler({ store, flows, clock });
    const service = createAssessmentService({ store, flows, clock, afterChange: scheduler.service.afterAssessmentChange });
    const directory = createWorkspaceDirectory({ store, channel: 'terminal', clock });
    const { organization, person, facility, participant } = directory.enterLocal({ facilityName: 'さくら内科', respondentName: '佐藤' });
    const flow = flows.get('mhlw-minimum-5.2')!;
    const answers: Answers = Object.fromEntries(Object.entries(mixedAnswers(flow)).map(([id, a]) => [id, a.kind === 'planned' ? { kind: 'done' as const } : a]));
    Object.assign(answers, {
      'technical.15': { kind: 'planned', date: '2027-06-08' },
      'external.6': { kind: 'planned', date: '2027-06-20' },
      'physical.5': { kind: 'planned', date: '2027-12-01' }, // not due within 30 days
    });
    const { assessment } = service.start({ organizationId: organization.id, facilityId: facility.id, respondentId: person.id, flowId: flow.id });
    submitThroughService(service, participant, assessment.id, answers);

    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d: Buffer) => (printed += d.toString('utf8')));
    input.end(['さくら内科', '佐藤', '1 d', '9 d', '1 m 2027-05-01 早すぎ', '1 m 2027-09-30 業者の納期', ''].join('\n') + '\n');
    await runTerminal({ directory, service, schedule: scheduler.service, locale: 'ja', input, output });

    expect(printed).toContain('期限が近い実施予定 2件');
    expect(printed).toContain('1. 技術的安全管理対策 15.（さくら内科）実施時期 2027年6月8日 — あと7日');
    expect(printed).toContain('を実施済にしました（2027年6月1日）');
    expect(printed).toContain('「9 d」は使えません。');
    expect(printed).toContain('過去の日付は選べません');
    expect(printed).toContain('の実施時期を 2027年9月30日 に変更しました');
    expect(printed).toContain('新しく始める'); // then the usual menu
    const now = store.answers.current(assessment.id);
    expect(now['technical.15']).toEqual({ kind: 'done', on: '2027-06-01' });
    expect(now['external.6']).toEqual({ kind: 'planned', date: '2027-09-30' });
    expect(now['physical.5']).toEqual({ kind: 'planned', date: '2027-12-01' });
    // The moved item's reminders moved with it, in the same transaction.
    expect(store.db.prepare("SELECT DISTINCT target_date FROM reminders WHERE item_id = 'external.6' AND state = 'pending'").pluck().all()).toEqual(['2027-09-30']);
    store.close();
  });

  it('reads the commands people type', () => {
    expect(parseDueCommand('1 d')).toEqual({ n: 1, action: 'done', date: undefined });
    expect(parseDueCommand('２ d 令和9年2月10日')).toEqual({ n: 2, action: 'done', date: '2027-02-10' });
    expect(parseDueCommand('1 m 2027/6/30 業者の納期')).toEqual({ n: 1, action: 'move', date: '2027-06-30', reason: '業者の納期' });
    expect(parseDueCommand('1 m')).toEqual({ invalid: true });
    expect(parseDueCommand('1 d 2027-02-30')).toEqual({ invalid: true });
  });
});
