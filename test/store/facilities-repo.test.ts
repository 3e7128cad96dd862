import { describe, expect, it } from 'vitest';
import { InvalidTimeZoneError, NotFoundError } from '../../src/store/errors.ts';
import { openTempStore } from './helpers/temp-store.ts';

describe('facilities', () => {
  it('registers each site of a multi-site operator once, in Japan time unless told otherwise', () => {
    const store = openTempStore();
    const org = store.organizations.ensureForSlackTeam('T-A');
    const main = store.facilities.ensure(org.id, '本院');
    const branch = store.facilities.ensure(org.id, '駅前分院', 'Asia/Tokyo');
    const overseas = store.facilities.ensure(org.id, 'ホノルル分院', 'Pacific/Honolulu');

    expect(main.timeZone).toBe('Asia/Tokyo');
    expect(overseas.timeZone).toBe('Pacific/Honolulu');
    expect(store.facilities.ensure(org.id, '本院')).toEqual(main);
    expect(store.facilities.list(org.id).map((f) => f.id).sort()).toEqual([main.id, branch.id, overseas.id].sort());
    expect(store.facilities.get(org.id, branch.id)).toEqual(branch);
  });

  it('keeps two organizations apart even when their sites share a name', () => {
    const store = openTempStore();
    const a = store.organizations.ensureForSlackTeam('T-A');
    const b = store.organizations.ensureForSlackTeam('T-B');
    const mainA = store.facilities.ensure(a.id, '本院');
    const mainB = store.facilities.ensure(b.id, '本院');

    expect(mainA.id).not.toBe(mainB.id);
    expect(store.facilities.list(a.id)).toEqual([mainA]);
    expect(() => store.facilities.get(a.id, mainB.id)).toThrow(NotFoundError);
  });

  it('refuses a time zone that does not exist', () => {
    const store = openTempStore();
    const org = store.organizations.ensureLocal();
    expect(() => store.facilities.ensure(org.id, '本院', 'Asia/Tokio')).toThrow(InvalidTimeZoneError);
  });

  it('names the missing organization instead of failing on a foreign key', () => {
    const store = openTempStore();
    expect(() => store.facilities.ensure('org_missing', '本院')).toThrow(/No organization with id "org_missing"/);
  });
});
