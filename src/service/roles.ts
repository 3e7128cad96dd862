// Who may do what, decided here on the server for every action (never from which buttons a view showed):
// leads manage leads and facilities, review and export; everyone else is a manager who answers for their
// facilities. The workspace's owners and admins are the first leads; after that, leads add and remove leads,
// and the last lead cannot remove itself.
import type { Person } from '../store/people-repo.ts';
import type { Store } from '../store/store.ts';
import { LastLeadError, NotALeadError } from './errors.ts';
import type { Participant } from './interaction.ts';

export type { Person } from '../store/people-repo.ts';

export interface WorkspaceAdmin {
  slackUserId: string;
  name?: string | undefined;
}

export type Roles = ReturnType<typeof createRoles>;

export function createRoles({ store }: { store: Store }) {
  const roles = {
    isLead(organizationId: string, personId: string): boolean {
      return store.people.get(organizationId, personId).role === 'lead';
    },

    /** The acting person, when a lead; NotALeadError (nothing done) otherwise. */
    requireLead(who: Pick<Participant, 'organizationId' | 'personId'>, action: string): Person {
      const person = store.people.get(who.organizationId, who.personId);
      if (person.role !== 'lead') throw new NotALeadError(who.personId, action);
      return person;
    },

    leads(organizationId: string): Person[] {
      return store.people.withRole(organizationId, 'lead');
    },

    /** Whether the organization still waits for its owners and admins to be made leads. */
    needsSeeding(organizationId: string): boolean {
      return store.organizations.get(organizationId).leadsSeededAt === null;
    },

    /**
     * Makes the workspace's owners and admins leads, once per organization (at first start, and at the
     * first start after the upgrade that introduced roles). Returns the leads made by this call.
     */
    seedLeads(organizationId: string, admins: readonly WorkspaceAdmin[]): Person[] {
      return store.transaction(() => {
        if (!store.organizations.markLeadsSeeded(organizationId)) return [];
        return admins.map((a) => {
          const person = store.people.ensureForSlackUser(organizationId, a.slackUserId, a.name);
          return store.people.setRole(organizationId, person.id, 'lead');
        });
      });
    },

    /**
     * For operator tools that hold the database file (the CLI): make a person a lead or a manager with no
     * acting person, still never leaving the organization without a lead. True when the role changed.
     */
    setRoleAsOperator(organizationId: string, personId: string, role: 'lead' | 'manager'): boolean {
      return store.transaction(() => {
        const person = store.people.get(organizationId, personId);
        if (person.role === role) return false;
        if (role === 'manager' && roles.leads(organizationId).length <= 1) throw new LastLeadError(personId);
        store.people.setRole(organizationId, personId, role);
        return true;
      });
    },

    /** The person an operator names: a Slack user id (U…) or a terminal user's name; undefined when unknown. */
    findPerson(organizationId: string, who: string): Person | undefined {
      return store.people.findBySlackUser(organizationId, who) ?? store.people.findLocal(organizationId, who);
    },

    /** A lead makes someone a lead; true when they were not one already. */
    addLead(who: Participant, personId: string): boolean {
      return store.transaction(() => {
        roles.requireLead(who, 'add leads');
        if (store.people.get(who.organizationId, personId).role === 'lead') return false;
        store.people.setRole(who.organizationId, personId, 'lead');
        return true;
      });
    },

    /** A lead makes a lead a manager again; the last lead stays. True when they were a lead. */
    removeLead(who: Participant, personId: string): boolean {
      return store.transaction(() => {
        roles.requireLead(who, 'remove leads');
        if (store.people.get(who.organizationId, personId).role !== 'lead') return false;
        if (roles.leads(who.organizationId).length <= 1) throw new LastLeadError(personId);
        store.people.setRole(who.organizationId, personId, 'manager');
        return true;
      });
    },
  };
  return roles;
}
