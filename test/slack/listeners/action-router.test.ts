import { expect, it } from 'vitest';
import { ACTION, ACTION_PATTERN } from '../../../src/slack/action-values.ts';
import { createActionRouter } from '../../../src/slack/listeners/actions/action-router.ts';

it('a click finds its handler by exact id first, then by the patterns of indexed ids, in registration order', () => {
  const router = createActionRouter<string>();
  router.on(ACTION.start, 'start');
  router.on(ACTION_PATTERN.answer, 'answer');
  router.on(/^kakunin\.remind\.stop\.\d+$/, 'stop');
  router.on(/^kakunin\.remind\..*$/, 'any reminder');
  expect(router.route(ACTION.start)).toBe('start');
  expect(router.route('kakunin.answer.2')).toBe('answer');
  expect(router.route('kakunin.remind.stop.3')).toBe('stop');
  expect(router.route('kakunin.remind.resume.3')).toBe('any reminder');
  expect(router.route('kakunin.unknown')).toBeUndefined();
});

it('registering an id or a pattern twice is refused at start-up, not discovered as a dead button', () => {
  const router = createActionRouter<string>();
  router.on(ACTION.start, 'a');
  router.on(ACTION_PATTERN.nav, 'b');
  expect(() => router.on(ACTION.start, 'c')).toThrow(/registered twice/);
  expect(() => router.on(/^kakunin\.nav\.[A-Z]+$/, 'd')).toThrow(/registered twice/);
});
