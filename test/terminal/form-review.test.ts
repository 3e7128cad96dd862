// A form (the model security policy) in the terminal: sections are counted in answers, not 実施済; the
// review lists every field with its id and answer, and `e 1` / `e <id>` change one.
import { describe, expect, it } from 'vitest';
import { typedSession } from './helpers/typed-session.ts';

// Enter at the introduction, then the answers: each section opens with its first question.
const policyAnswers = ['', '1', 'さくら内科クリニック', '山田 太郎', '1', '副院長 鈴木 花子', '医事課長 高橋 次郎', '1', '令和8年12月1日'];

describe('the security policy form in the terminal', () => {
  it('counts each section as fields answered, never as 実施済/実施予定/該当なし', async () => {
    const s = typedSession('security-policy');
    const { output } = await s.type(...policyAnswers);
    expect(output).toContain('前のセクション「施設」: 回答 3/3');
    // システム管理者 is the head, so the designated name is not asked: 3 of 3 that apply.
    expect(output).toContain('前のセクション「管理体制」: 回答 3/3');
    expect(output).not.toMatch(/実施済 \d・実施予定/);
  });

  it('the review lists each field numbered, with its id and answer; e 1 changes the first', async () => {
    const s = typedSession('security-policy');
    const { output } = await s.type(...policyAnswers, 'e 1', '2', 'e facility.name', 'さくら歯科クリニック');
    expect(output).toContain('1) 施設の種類 [facility.type]: 医院');
    expect(output).toContain('2) 施設の名称（正式名称） [facility.name]: さくら内科クリニック');
    expect(output).toContain('  管理体制: 回答 3/3');
    expect(output).not.toContain('入力を読み取れませんでした');
    expect(output).toContain('1) 施設の種類 [facility.type]: 病院');
    expect(s.answers()['facility.name']).toEqual({ kind: 'text', value: 'さくら歯科クリニック' });
  });
});
