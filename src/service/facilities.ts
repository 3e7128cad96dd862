// Facilities (拠点) as leads manage them — add, rename, archive (never delete: assessments keep pointing at
// them), time zone, which managers answer for which — and where a person can start an assessment.
import type { Facility } from '../store/facilities-repo.ts';
import type { Person } from '../store/people-repo.ts';
import type { Store } from '../store/store.ts';
import { ArchivedFacilityError, NotAssignedError } from './errors.ts';
import type { Participant } from './interaction.ts';
import type { Roles } from './roles.ts';

export type { Facility } from '../store/facilities-repo.ts';

export interface FacilityListing extends Facility {
  managers: Person[];
}

/** Where a person can start: one or more facilities to choose from, or none (then the leads are asked). */
export type StartPlaces =
  | { kind: 'facilities'; facilities: Facility[] }
  | { kind: 'none'; leads: Person[]; /** True the first time this person asks: tell the leads. */ firstRequest: boolean };

export type Facilities = ReturnType<typeof createFacilities>;

export function createFacilities({ store, roles, defaultTimeZone }: { store: Store; roles: Roles; defaultTimeZone?: string | undefined }) {
  const active = (organizationId: string, facilityId: string): Facility => {
    const facility = store.facilities.get(organizationId, facilityId);
    if (facility.archivedAt !== null) throw new ArchivedFacilityError(facility.id, facility.name);
    return facility;
  };

  const facilities = {
    /** Every facility with its managers (leads only), archived ones last. */
    list(who: Participant): FacilityListing[] {
      roles.requireLead(who, 'list facilities');
      const all = store.facilities.list(who.organizationId);
      return [...all.filter((f) => !f.archivedAt), ...all.filter((f) => f.archivedAt)].map((f) => ({
        ...f,
        managers: store.facilityManagers.managersOf(who.organizationId, f.id),
      }));
    },

    /** Facilities by exact name, for commands that name one. */
    byName(organizationId: string, name: string): Facility | undefined {
      return store.facilities.list(organizationId).find((f) => f.name === name);
    },

    add(who: Participant, name: string, timeZone?: string): Facility {
      return store.transaction(() => {
        roles.requireLead(who, 'add facilities');
        return store.facilities.create(who.organizationId, name.trim(), timeZone ?? defaultTimeZone);
      });
    },

    rename(who: Participant, facilityId: string, name: string): Facility {
      return store.transaction(() => {
        roles.requireLead(who, 'rename facilities');
        return store.facilities.rename(who.organizationId, facilityId, name.trim());
      });
    },

    archive(who: Participant, facilityId: string): Facility {
      return store.transaction(() => {
        roles.requireLead(who, 'archive facilities');
        return store.facilities.archive(who.organizationId, facilityId);
      });
    },

    setTimeZone(who: Participant, facilityId: string, timeZone: string): Facility {
      return store.transaction(() => {
        roles.requireLead(who, 'set time zones');
        return store.facilities.setTimeZone(who.organizationId, facilityId, timeZone);
      });
    },

    /** True when the person was not assigned there yet. */
    assign(who: Participant, facilityId: string, personId: string): boolean {
      return store.transaction(() => {
        roles.requireLead(who, 'assign managers');
        active(who.organizationId, facilityId);
        store.people.get(who.organizationId, personId);
        const added = store.facilityManagers.assign(who.organizationId, facilityId, personId);
        store.facilityRequests.clear(who.organizationId, personId);
        return added;
      });
    },

    unassign(who: Participant, facilityId: string, personId: string): boolean {
      return store.transaction(() => {
        roles.requireLead(who, 'unassign managers');
        store.facilities.get(who.organizationId, facilityId);
        return store.facilityManagers.unassign(who.organizationId, facilityId, personId);
      });
    },

    /** The person's active facilities (for a manager's own view). */
    facilitiesOf(organizationId: string, personId: string): Facility[] {
      return store.facilityManagers.facilitiesOf(organizationId, personId).filter((f) => f.archivedAt === null);
    },

    /**
     * Where the person can start: their own active facilities. A single-site workspace needs no set-up,
     * as before facilities existed: with no facility yet, the first start creates the one named after the
     * workspace (`workspaceName`); with exactly one active facility, whoever starts answers for it (and is
     * recorded as its manager). Once a lead runs several facilities, managers answer only where a lead
     * assigned them; leads may start at any active facility.
     */
    startPlaces(organizationId: string, personId: string, workspaceName: string): StartPlaces {
      return store.transaction(() => {
        const person = store.people.get(organizationId, personId);
        const own = facilities.facilitiesOf(organizationId, personId);
        if (own.length > 0) return { kind: 'facilities', facilities: own };
        const all = store.facilities.listActive(organizationId);
        const single = all.length === 1 ? all[0] : store.facilities.list(organizationId).length === 0 ? store.facilities.ensure(organizationId, workspaceName, defaultTimeZone) : undefined;
        if (single) {
          store.facilityManagers.assign(organizationId, single.id, personId);
          return { kind: 'facilities', facilities: [single] };
        }
        if (person.role === 'lead' && all.length > 0) return { kind: 'facilities', facilities: all };
        return { kind: 'none', leads: roles.leads(organizationId), firstRequest: store.facilityRequests.record(organizationId, personId) };
      });
    },

    /** The facility a start names must be one the person can start at (checked again at the click). */
    requireStartPlace(organizationId: string, personId: string, facilityId: string, workspaceName: string): Facility {
      const places = facilities.startPlaces(organizationId, personId, workspaceName);
      const found = places.kind === 'facilities' ? places.facilities.find((f) => f.id === facilityId) : undefined;
      if (!found) {
        active(organizationId, facilityId);
        throw new NotAssignedError(personId, facilityId);
      }
      return found;
    },
  };
  return facilities;
}
