// Whatever arrives, signed, at the Slack endpoint — hostile slash-command text, forged action values,
// odd modal state, impossible dates, 100 KB strings, wrong JSON types, unknown action ids, unicode
// oddities, mrkdwn control sequences — kakunin answers without a 5xx, without crashing or hanging (3 s),
// never sends Block Kit Slack would refuse, never echoes typed text unescaped, and refuses in Japanese.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { ACTION, VIEW_CALLBACK } from '../../src/slack/action-values.ts';
import { startHarness, type Harness } from '../slack/harness.ts';
import { startChecklist } from '../slack/helpers.ts';
import { postSigned, type HttpResult } from '../slack/slack-user.ts';

/** Typed by a person, these must reach Slack only escaped (&lt;!channel&gt;), never as a live mention or link. */
const HOSTILE = ['<!channel>', '<!everyone>', '<!here|here>', '<https://evil.example|押してください>', '<@U0SUZUKI>', '<#C0GENERAL>'];
const BIG_ASCII = 'a'.repeat(100_000);
const BIG_KANA = 'あ'.repeat(34_000); // about 100 KB in UTF-8
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** bench/reliability-heavy.bench.ts multiplies the runs (and varies the seed). */
const SCALE = Number(process.env.KAKUNIN_FUZZ_SCALE ?? 1);
const SEED = Number(process.env.KAKUNIN_FUZZ_SEED ?? 15);

const oddities = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\u200b\u200d\ufeff',
  '\ud83d',
  '👩‍⚕️🏥',
  'é',
  'e\u0301',
  '\u202eevil',
  '＜！ｃｈａｎｎｅｌ＞',
  '*bold* _it_ ~s~ `code` ```block```',
  '&amp; &lt; &gt;',
  '%00%ff',
  '\\u0000',
  '{"a":',
  'null',
  '2026-02-30',
  '9999-12-31',
  '0000-00-00',
  '令和8年4月1日',
  BIG_ASCII,
  BIG_KANA,
);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 300 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: oddities },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })).map(([h, s]) => `${s}${h}${s}`) },
);
const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }), text);
const dates = fc.oneof(fc.constantFrom('2026-02-30', '', '9999-12-31', '2026-13-01', '2026-4-1', '2025-04-01', '2027-03-31'), text);
const actionIds = fc.oneof(
  fc.constantFrom(...Object.values(ACTION).filter((a) => !a.endsWith('.')), 'kakunin.answer.0', 'kakunin.answer.99', 'kakunin.edit.0', 'kakunin.nav.START', 'kakunin.nav.SUBMIT', 'kakunin.nav.NOPE'),
  fc.string({ maxLength: 60 }),
);

interface Known {
  assessmentId: string;
  revision: number;
}

const stepValue = (known: Known) =>
  fc.oneof(
    text,
    wrongType.map((v) => JSON.stringify(v)),
    fc.record({
      a: fc.oneof(fc.constant(known.assessmentId), text),
      r: fc.oneof(fc.constant(known.revision), fc.integer(), wrongType),
      i: fc.oneof(fc.constantFrom('organizational.1', 'technical.1', 'scope.iot'), text, wrongType),
      v: fc.oneof(fc.constant({ kind: 'done' }), fc.record({ kind: fc.constantFrom('planned', 'text', 'number', 'na'), date: dates, value: wrongType }), wrongType),
    }).map((v) => JSON.stringify(v)),
  );

type Request = { kind: 'command'; body: string } | { kind: 'payload'; payload: unknown; describe: string };

function commandRequest(t: string, userId = 'U0SATO'): Request {
  const body = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T0CLINIC',
    team_domain: 'clinic',
    channel_id: 'C0GENERAL',
    user_id: userId,
    user_name: 'sato',
    command: '/kakunin',
    text: t,
    api_app_id: 'A0FAKE',
    response_url: 'https://hooks.slack.test/commands/x',
    trigger_id: 'trigger-fuzz',
  }).toString();
  return { kind: 'command', body };
}

const user = { id: 'U0SATO', username: 'sato', name: 'sato', team_id: 'T0CLINIC' };
const team = { id: 'T0CLINIC', domain: 'clinic' };

function blockAction(known: Known) {
  return fc
    .record({
      action_id: actionIds,
      block_id: fc.oneof(fc.constant('q.1.answer'), text),
      value: fc.option(stepValue(known), { nil: undefined }),
      selected_date: fc.option(dates, { nil: undefined }),
      type: fc.constantFrom('button', 'datepicker', 'static_select'),
    })
    .map(
      (action): Request => ({
        kind: 'payload',
        describe: 'block_actions',
        payload: {
          type: 'block_actions',
          user,
          team,
          api_app_id: 'A0FAKE',
          token: 'legacy-verification-token',
          trigger_id: 'trigger-fuzz',
          container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'D0SATO', is_ephemeral: false },
          channel: { id: 'D0SATO', name: 'directmessage' },
          message: { type: 'message', ts: '1700000000.000001', text: '', blocks: [] },
          state: { values: {} },
          actions: [{ ...action, action_ts: '1700000000.000002' }],
        },
      }),
    );
}

function viewSubmission(known: Known) {
  const element = fc.oneof(
    fc.record({ type: fc.constant('plain_text_input'), value: fc.oneof(text, wrongType) }),
    fc.record({ type: fc.constant('datepicker'), selected_date: fc.oneof(dates, wrongType) }),
    fc.record({ type: fc.constant('checkboxes'), selected_options: fc.oneof(fc.array(fc.record({ value: text }), { maxLength: 4 }), wrongType) }),
    fc.record({ type: fc.constant('number_input'), value: fc.oneof(fc.constantFrom('1e309', '-0', 'NaN', '３', '12,000'), text) }),
    wrongType,
  );
  return fc
    .record({
      callback_id: fc.oneof(fc.constant(VIEW_CALLBACK.answer), text),
      private_metadata: fc.oneof(stepValue(known), text),
      values: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('answer', 'row.0', 'cell.0.0'), text), fc.dictionary(fc.oneof(fc.constant('answer'), text), element, { maxKeys: 2 }), { maxKeys: 3 }), wrongType),
    })
    .map(
      ({ callback_id, private_metadata, values }): Request => ({
        kind: 'payload',
        describe: 'view_submission',
        payload: {
          type: 'view_submission',
          team,
          user,
          api_app_id: 'A0FAKE',
          token: 'legacy-verification-token',
          trigger_id: 'trigger-fuzz',
          view: { id: 'V0FUZZ', type: 'modal', callback_id, private_metadata, state: { values }, hash: 'h', blocks: [] },
        },
      }),
    );
}

/** Payloads of the wrong shape altogether: null, numbers, fields of the wrong type, unknown types. */
const malformed = fc
  .oneof(
    wrongType,
    fc.record({ type: fc.constantFrom('block_actions', 'view_submission', 'shortcut', 'message_action', 'nope'), user: wrongType, team: wrongType, actions: wrongType, view: wrongType }),
    fc.record({ type: fc.constant('block_actions'), user: fc.constant(user), team: fc.constant(team), actions: fc.array(fc.record({ action_id: wrongType, block_id: wrongType, value: wrongType }), { maxLength: 2 }), trigger_id: wrongType }),
  )
  .map((payload): Request => ({ kind: 'payload', payload, describe: 'malformed' }));

async function send(h: Harness, request: Request): Promise<{ result: HttpResult; settledMs: number }> {
  const started = performance.now();
  const result =
    request.kind === 'command'
      ? await postSigned(h.endpoint, request.body, 'application/x-www-form-urlencoded')
      : await postSigned(h.endpoint, new URLSearchParams({ payload: JSON.stringify(request.payload) }).toString(), 'application/x-www-form-urlencoded');
  await h.kakunin.idle();
  return { result, settledMs: performance.now() - started };
}

/** Everything the app sent to Slack since `from`, plus the HTTP response itself. */
function sentSince(h: Harness, from: number, result: HttpResult): string {
  return JSON.stringify(h.fake.calls.slice(from).map((c) => c.args)) + result.body;
}

test('≥ 1,000 hostile requests: no 5xx, no crash, no hang, valid Block Kit, escaped echoes, Japanese refusals', { timeout: 600_000 * SCALE }, async () => {
  const h = await startHarness({ fake: { users: { U0SATO: { name: 'sato', realName: '<!channel> 佐藤' }, U0SUZUKI: { name: 'suzuki' } } } });
  const sato = h.user('U0SATO', 'sato');
  await startChecklist(sato);
  const org = h.store.organizations.ensureForSlackTeam('T0CLINIC');
  const person = h.store.people.ensureForSlackUser(org.id, 'U0SATO');
  const known = (): Known => {
    const a = h.store.assessments.listForPerson(org.id, person.id)[0]!;
    return { assessmentId: a.id, revision: a.revision };
  };
  let cases = 0;

  const check = async (request: Request) => {
    cases++;
    const from = h.fake.calls.length;
    const { result, settledMs } = await send(h, request);
    expect(result.status, `${request.kind} → ${result.status} ${result.body.slice(0, 200)}`).toBeLessThan(500);
    expect(settledMs).toBeLessThan(3000);
    expect(h.fake.invalidBlocks).toEqual([]);
    const sent = sentSince(h, from, result);
    for (const hostile of HOSTILE) expect(sent, `echoed ${hostile} unescaped`).not.toContain(hostile);
    if (request.kind === 'command' && result.status === 200 && result.body) {
      const reply = (JSON.parse(result.body) as { text?: string }).text;
      if (reply) expect(reply).toMatch(JAPANESE);
    }
    if (request.kind === 'payload' && result.body.includes('response_action')) expect(result.body).toMatch(JAPANESE);
  };

  const commandTexts = fc.oneof(text, fc.tuple(fc.constantFrom('start', 'report', 'status', 'help', 'START', 'start mhlw-minimum-5.2'), text).map(([c, t]) => `${c} ${t}`));
  await fc.assert(fc.asyncProperty(commandTexts, (t) => check(commandRequest(t))), { numRuns: 250 * SCALE, seed: SEED });
  await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => blockAction(known())), check), { numRuns: 300 * SCALE, seed: SEED + 1 });
  await fc.assert(fc.asyncProperty(fc.constant(null).chain(() => viewSubmission(known())), check), { numRuns: 250 * SCALE, seed: SEED + 2 });
  await fc.assert(fc.asyncProperty(malformed, check), { numRuns: 200 * SCALE, seed: SEED + 3 });
  expect(cases).toBeGreaterThanOrEqual(1000);

  // After all that, the person carries on where they were.
  const ack = await sato.command('');
  expect(ack.status).toBe(200);
  expect(h.fake.invalidBlocks).toEqual([]);
});
