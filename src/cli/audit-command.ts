// `kakunin audit verify [--assessment ID] [--hash HASH]`: walks the hash-chained history and says
// either 「改ざんは検出されませんでした（N件）」 or where the first broken link of each chain is.
import { readEnv } from '../config/env.ts';
import type { ChainBreak } from '../store/chain-verify.ts';
import { auditHistory, locateHash, type AnswerMismatch } from '../store/history-audit.ts';
import { createStore } from '../store/store.ts';

export class AuditCommandError extends Error {
  override readonly name = 'AuditCommandError';
}

const KIND_TEXT: Record<ChainBreak['kind'], string> = {
  'content-changed': '書き込み後に内容が変更されています / the row was changed after it was written',
  'link-broken': '直前の行と繋がっていません（前の行が削除または書き換えられました） / not linked to the row before it (a row before it was deleted or rewritten)',
  unchained: 'ハッシュチェーンの外で書き込まれた行です / the row was written outside the hash chain',
  'head-mismatch': '記録された末尾と一致しません（末尾の行が削除または追加されました） / does not end at the recorded head (rows at the end were deleted or added)',
};

export function describeBreak(b: ChainBreak): string {
  const where = b.rowId === undefined ? `${b.position}件` : `${b.position}件目（id ${b.rowId}）`;
  return `${b.table} 点検 ${b.chainKey} ${where}: ${KIND_TEXT[b.kind]} — expected ${b.expected}, found ${b.found}`;
}

export function describeMismatch(m: AnswerMismatch): string {
  return `answers 点検 ${m.assessmentId} 項目 ${m.itemId}: 現在の回答が履歴と一致しません / the current answer differs from its history — history ${m.history ?? '(none)'}, answers ${m.current ?? '(none)'}`;
}

export function runAuditCommand(
  args: { assessmentId?: string | undefined; hash?: string | undefined },
  log: (l: string) => void,
  warn: (l: string) => void,
): number {
  const env = readEnv();
  const store = createStore(env.KAKUNIN_DB);
  try {
    let assessmentId = args.assessmentId;
    if (args.hash !== undefined) {
      const found = locateHash(store.db, args.hash).filter((l) => assessmentId === undefined || l.assessmentId === assessmentId);
      if (found.length !== 1) {
        warn(
          found.length === 0
            ? `このハッシュは履歴にありません / this hash is not in the history of ${env.KAKUNIN_DB} (give at least its first 16 hex digits)`
            : `このハッシュは${found.length}件に一致します。もっと長く指定してください / ${found.length} rows match; give more digits`,
        );
        return 1;
      }
      const at = found[0]!;
      assessmentId = at.assessmentId;
      const after = at.length - at.position;
      log(
        `このハッシュは点検 ${at.assessmentId} の履歴 ${at.position}件目（${at.at}）です。` +
          (after === 0 ? 'その後の変更はありません。' : `その後 ${after}件の変更があります。`) +
          ` / this hash is row ${at.position} of ${at.assessmentId}'s ${at.table} (${at.at}); ${after} change(s) since.`,
      );
    }
    if (assessmentId !== undefined && !store.assessments.organizationOf(assessmentId))
      throw new AuditCommandError(`点検「${assessmentId}」は見つかりません / no assessment "${assessmentId}" in ${env.KAKUNIN_DB}`);

    const audit = auditHistory(store.db, assessmentId);
    if (audit.ok) {
      log(`改ざんは検出されませんでした（${audit.rows}件） / no tampering found (${audit.rows} rows in ${audit.chains} chains)`);
      return 0;
    }
    warn(`改ざんを検出しました / tampering found:`);
    for (const b of audit.breaks) warn(describeBreak(b));
    for (const m of audit.answerMismatches) warn(describeMismatch(m));
    return 1;
  } finally {
    store.close();
  }
}
