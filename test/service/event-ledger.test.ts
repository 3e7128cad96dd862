// Slack's retried deliveries are handled once: the mark is written with the work, after it, in one
// transaction — a failed handling leaves no mark (the retry is handled), a duplicate keeps nothing.
import { expect, test } from 'vitest';
import { createEventLedger } from '../../src/service/event-ledger.ts';
import { createStore } from '../../src/store/store.ts';

test('work that fails leaves no mark, so the retry is handled; a duplicate is skipped and what it wrote is rolled back', () => {
  const store = createStore(':memory:');
  const ledger = createEventLedger(store);

  expect(() =>
    ledger.once('slack-event', 'Ev1', () => {
      store.organizations.ensureForSlackTeam('T0FAIL', 'まだ作られない');
      throw new Error('the work failed');
    }),
  ).toThrow('the work failed');
  expect(store.db.prepare("SELECT count(*) AS n FROM organizations WHERE slack_team_id = 'T0FAIL'").get()).toEqual({ n: 0 });

  expect(ledger.once('slack-event', 'Ev1', () => store.organizations.ensureForSlackTeam('T0CLINIC', 'さくら内科').id)).toMatchObject({ duplicate: false });
  const again = ledger.once('slack-event', 'Ev1', () => store.organizations.ensureForSlackTeam('T0SECOND', '別の医院').id);
  expect(again).toEqual({ duplicate: true });
  expect(store.db.prepare("SELECT count(*) AS n FROM organizations WHERE slack_team_id = 'T0SECOND'").get()).toEqual({ n: 0 });
  store.close();
});
