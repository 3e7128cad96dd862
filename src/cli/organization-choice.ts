// Which organization an operator command works on: the one given with --team (a Slack team id, or
// `local` for the terminal's), else the only one in the database. Several and none given: a clear error.
import type { Organization } from '../store/organizations-repo.ts';
import type { Store } from '../store/store.ts';
import { CliInputError } from './errors.ts';

export function organizationForOperator(store: Store, team: string | undefined, dbPath: string): Organization {
  const all = store.organizations.list();
  if (team !== undefined) {
    const found = all.find((o) => o.slackTeamId === team || o.id === team);
    if (!found) throw new CliInputError(`組織「${team}」は ${dbPath} にありません / no organization "${team}" in ${dbPath}`);
    return found;
  }
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new CliInputError(`${dbPath} にはまだ組織がありません / ${dbPath} holds no organization yet`);
  const names = all.map((o) => `${o.slackTeamId ?? o.id}（${o.name}）`).join(', ');
  throw new CliInputError(`組織を --team で指定してください / choose the organization with --team: ${names}`);
}
