import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/store/errors.ts';
import { openTempStore } from './helpers/temp-store.ts';

describe('people', () => {
  it('knows the terminal user by display name', () => {
    const store = openTempStore();
    const org = store.organizations.ensureLocal();
    const sato = store.people.ensureLocal(org.id, '佐藤');
    const suzuki = store.people.ensureLocal(org.id, '鈴木', { role: 'lead', locale: 'en' });

    // Everyone answers (manager) unless made a compliance lead.
    expect(sato).toMatchObject({ slackUserId: null, displayName: '佐藤', locale: 'ja', role: 'manager' });
    expect(suzuki).toMatchObject({ role: 'lead', locale: 'en' });
    expect(store.people.ensureLocal(org.id, '佐藤')).toEqual(sato);
  });

  it('creates a Slack user on first contact and follows later name changes', () => {
    const store = openTempStore();
    const org = store.organizations.ensureForSlackTeam('T-A');
    const first = store.people.ensureForSlackUser(org.id, 'U1');
    expect(first.displayName).toBe('U1');

    const named = store.people.ensureForSlackUser(org.id, 'U1', '佐藤 花子');
    expect(named).toEqual({ ...first, displayName: '佐藤 花子' });
    expect(store.people.get(org.id, first.id).displayName).toBe('佐藤 花子');
  });

  it('keeps the same Slack user id in two teams as two different people', () => {
    const store = openTempStore();
    const a = store.organizations.ensureForSlackTeam('T-A');
    const b = store.organizations.ensureForSlackTeam('T-B');
    const inA = store.people.ensureForSlackUser(a.id, 'U1', '佐藤');
    const inB = store.people.ensureForSlackUser(b.id, 'U1', '佐藤');

    expect(inA.id).not.toBe(inB.id);
    expect(() => store.people.get(a.id, inB.id)).toThrow(NotFoundError);
  });
});
