// The terminal's way in: a facility and a name typed at the prompt become the local organization's
// facility and person, and what they left open at that facility is offered to resume.
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createWorkspaceDirectory } from '../../src/service/workspace-directory.ts';
import { createStore } from '../../src/store/store.ts';
import { smallFlow } from '../helpers/small-flow.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { manualClock } from '../store/helpers/manual-clock.ts';

const tempDir = useTempDir();

it('the same names at the terminal are the same facility and person; resumable lists only that facility, dated in its zone', () => {
  // 2026-11-21 23:30 UTC is already 2026-11-22 in Tokyo.
  const clock = manualClock('2026-11-21T23:30:00Z');
  const store = createStore(join(tempDir(), 'k.sqlite'), { now: clock.now });
  const flows = new Map([['small', smallFlow()]]);
  const service = createAssessmentService({ store, flows, clock: clock.now });
  const directory = createWorkspaceDirectory({ store, channel: 'terminal', clock: clock.now, defaultTimeZone: 'Asia/Tokyo', defaultLocale: 'en' });

  const first = directory.enterLocal({ facilityName: '本院', respondentName: '山田' });
  expect(first.participant).toEqual({ organizationId: first.organization.id, personId: first.person.id, channel: 'terminal' });
  expect(first.facility.timeZone).toBe('Asia/Tokyo');
  expect(first.person.locale).toBe('en');
  const again = directory.enterLocal({ facilityName: '本院', respondentName: '山田' });
  expect([again.facility.id, again.person.id]).toEqual([first.facility.id, first.person.id]);
  const branch = directory.enterLocal({ facilityName: '分院', respondentName: '山田' });

  const start = (facilityId: string) =>
    service.start({ organizationId: first.organization.id, facilityId, respondentId: first.person.id, flowId: 'small' }).assessment.id;
  const atMain = start(first.facility.id);
  start(branch.facility.id);
  service.interact(first.participant, atMain, { type: 'START' });
  service.interact(first.participant, atMain, { type: 'ANSWER', itemId: 'scope.wlan', answer: { kind: 'yesno', value: true } });

  const resumable = directory.resumableAt(first.organization.id, first.person.id, first.facility.id);
  expect(resumable).toHaveLength(1);
  expect(resumable[0]).toMatchObject({ id: atMain, facilityName: '本院', startedOn: '2026-11-22', answered: 0, total: 3 });
  store.close();
});
