// Every button, date picker and menu of kakunin goes through one Bolt listener that picks its handler by
// action_id. Bolt runs every registered listener's middleware for every request (copies of their chains,
// a promise each): with ~40 action listeners that was a fifth of what a click allocated. An exact id is one
// Map lookup; ids that carry an index (kakunin.nav.3) are tried in registration order after that.
export interface ActionRouter<H> {
  /** Registers `handler` for an exact action_id or a pattern; an id or pattern registered twice is a bug. */
  on(actionId: string | RegExp, handler: H): void;
  /** The handler for a clicked action_id; undefined when none is registered (Bolt then reports it unhandled). */
  route(actionId: string): H | undefined;
}

export function createActionRouter<H>(): ActionRouter<H> {
  const exact = new Map<string, H>();
  const patterns: { pattern: RegExp; handler: H }[] = [];
  return {
    on(actionId, handler) {
      if (typeof actionId === 'string') {
        if (exact.has(actionId)) throw new Error(`action ${actionId} is registered twice`);
        exact.set(actionId, handler);
        return;
      }
      if (patterns.some((p) => p.pattern.source === actionId.source)) throw new Error(`action pattern ${actionId} is registered twice`);
      patterns.push({ pattern: actionId, handler });
    },
    route(actionId) {
      return exact.get(actionId) ?? patterns.find((p) => p.pattern.test(actionId))?.handler;
    },
  };
}
