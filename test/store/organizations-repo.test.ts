import { describe, expect, it } from 'vitest';
import { openTempStore } from './helpers/temp-store.ts';

describe('organizations', () => {
  it('gives the terminal one local organization, however often it is asked for', () => {
    const store = openTempStore();
    const first = store.organizations.ensureLocal();
    const again = store.organizations.ensureLocal();

    expect(first).toMatchObject({ id: 'local', slackTeamId: null });
    expect(again).toEqual(first);
  });

  it('gives each Slack team its own organization and keeps it on later contact', () => {
    const store = openTempStore();
    const teamA = store.organizations.ensureForSlackTeam('T-A', '青葉クリニック');
    const teamB = store.organizations.ensureForSlackTeam('T-B', '若葉歯科');

    expect(teamA.id).not.toBe(teamB.id);
    expect(store.organizations.ensureForSlackTeam('T-A')).toEqual(teamA);
  });

  it('takes the new workspace name when a team was renamed', () => {
    const store = openTempStore();
    const before = store.organizations.ensureForSlackTeam('T-A', '青葉クリニック');
    const after = store.organizations.ensureForSlackTeam('T-A', '医療法人 青葉会');

    expect(after).toEqual({ ...before, name: '医療法人 青葉会' });
    expect(store.organizations.ensureForSlackTeam('T-A').name).toBe('医療法人 青葉会');
  });
});
