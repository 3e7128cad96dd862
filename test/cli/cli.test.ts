// The command-line tools as an operator uses them: settings from .env, listing assessments, writing
// reports without clobbering files, checking flow files the way the app loads them.
import { existsSync, mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlowsDir } from '../../src/flow/loader.ts';
import { createAssessmentService } from '../../src/service/assessment-service.ts';
import { createStore } from '../../src/store/store.ts';
import { repoRoot, runEntry } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const cli = (args: string[], cwd: string, env: Record<string, string> = {}) => runEntry('src/cli/main.ts', args, '', env, cwd);

/** A database with one checklist under way at 本院; returns its id. */
function seedDatabase(file: string): string {
  const store = createStore(file);
  const service = createAssessmentService({ store, flows: loadFlowsDir() });
  const org = store.organizations.ensureLocal();
  const facility = store.facilities.ensure(org.id, '本院');
  const person = store.people.ensureLocal(org.id, '山田');
  const id = service.start({ organizationId: org.id, facilityId: facility.id, respondentId: person.id, flowId: 'mhlw-minimum-5.2' }).assessment.id;
  store.close();
  return id;
}

describe('the kakunin CLI', () => {
  const tempDir = useTempDir();

  it('reads KAKUNIN_DB from .env, lists the assessments there, and creates no other database', async () => {
    const dir = tempDir();
    const id = seedDatabase(join(dir, 'clinic.sqlite'));
    writeFileSync(join(dir, '.env'), 'KAKUNIN_DB=clinic.sqlite\n');
    const r = await cli(['assessments'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(id);
    expect(r.stdout).toContain('Local / 本院');
    expect(r.stdout).toContain('最低限のガイドライン遵守チェックリスト');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('report --out never overwrites an existing file without --force, and never the database', async () => {
    const dir = tempDir();
    const db = join(dir, 'k.sqlite');
    const id = seedDatabase(db);
    const env = { KAKUNIN_DB: db };
    writeFileSync(join(dir, 'keep.pdf'), 'mine');

    const refused = await cli(['report', id, '--out', 'keep.pdf'], dir, env);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('上書きしません');
    expect(readFileSync(join(dir, 'keep.pdf'), 'utf8')).toBe('mine');

    const forced = await cli(['report', id, '--out', 'keep.pdf', '--force'], dir, env);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'keep.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const dbBefore = readFileSync(db);
    const intoDb = await cli(['report', id, '--out', 'k.sqlite', '--force'], dir, env);
    expect(intoDb.code).not.toBe(0);
    expect(intoDb.stderr).toContain('データベースには書き出せません');
    expect(readFileSync(db).equals(dbBefore)).toBe(true);
  }, 90_000); // three child processes, one rendering a PDF with the embedded font

  it('flows validate refuses a file whose id is not its name, and checks KAKUNIN_FLOWS_DIR', async () => {
    const dir = tempDir();
    const flowsDir = join(dir, 'my-flows');
    mkdirSync(flowsDir);
    copyFileSync(join(repoRoot, 'flows', 'security-policy.yaml'), join(flowsDir, 'policy-copy.yaml'));
    const one = await cli(['flows', 'validate', join(flowsDir, 'policy-copy.yaml')], dir);
    expect(one.code).toBe(1);
    expect(one.stderr).toContain('flow id "security-policy" must match the file name "policy-copy"');

    const fromEnv = await cli(['flows', 'validate'], dir, { KAKUNIN_FLOWS_DIR: flowsDir });
    expect(fromEnv.code).toBe(1);
    expect(fromEnv.stderr).toContain('policy-copy.yaml');
    expect(fromEnv.stdout).not.toContain('mhlw-minimum-5.2');
  });

  it('help prints the commands', async () => {
    const r = await cli(['help'], tempDir());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('npm run kakunin -- assessments');
    expect(r.stdout).toContain('--force');
  });
});
