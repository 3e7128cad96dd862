// Checks an organization exists before rows are hung off it, so a caller that skipped
// organizations.ensure… gets a NotFoundError naming the organization, not "FOREIGN KEY constraint failed".
import type Database from 'better-sqlite3';
import { NotFoundError } from './errors.ts';

export type OrganizationGuard = (organizationId: string) => void;

export function createOrganizationGuard(db: Database.Database): OrganizationGuard {
  const exists = db.prepare<[string]>('SELECT 1 FROM organizations WHERE id = ?').pluck();
  return (organizationId) => {
    if (exists.get(organizationId) === undefined)
      throw new NotFoundError(
        'organization',
        { id: organizationId },
        'Create it with organizations.ensureLocal() or ensureForSlackTeam() first.',
      );
  };
}
