// Skip logic: evaluates an item's or section's `when` against the answers given so far.
import { comparableValue, type Answers } from './answer.ts';
import type { Condition } from './schema.ts';

export function evaluateCondition(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => evaluateCondition(c, answers));
  if ('any' in condition) return condition.any.some((c) => evaluateCondition(c, answers));
  if ('not' in condition) return !evaluateCondition(condition.not, answers);
  const value = comparableValue(answers[condition.item]);
  if ('equals' in condition) return value === condition.equals;
  if ('notEquals' in condition) return value !== undefined && value !== condition.notEquals;
  if ('in' in condition) return (condition.in as unknown[]).includes(value);
  return Array.isArray(value) && value.includes(condition.includes);
}

const itemsRead = new WeakMap<Condition, readonly string[]>();

/**
 * Every item id a condition reads: for load-time checks that gates come before what they gate, and
 * for the skip logic on every answer (remembered per condition: a loaded flow never changes).
 */
export function conditionItems(condition: Condition): readonly string[] {
  let items = itemsRead.get(condition);
  if (!items) {
    if ('all' in condition) items = condition.all.flatMap(conditionItems);
    else if ('any' in condition) items = condition.any.flatMap(conditionItems);
    else if ('not' in condition) items = conditionItems(condition.not);
    else items = [condition.item];
    itemsRead.set(condition, items);
  }
  return items;
}
