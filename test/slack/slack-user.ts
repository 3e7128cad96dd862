// A person using Slack, as the app sees them: slash commands, button clicks, date picks, modal
// submissions and App Home visits arrive as HTTP requests signed with the signing secret exactly as
// Slack signs them (v0:{timestamp}:{body}, HMAC-SHA256). What the person "sees" is read from the fake
// Web API, so a test clicks the buttons the app actually posted.
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Block, FakeEphemeral, FakeMessage, FakeSlackApi } from './fake-slack-api.ts';

/** What a person can see: their DM, ephemeral notes, the Home tab, open modals. */
export type SlackScreen = Pick<FakeSlackApi, 'dm' | 'dmChannelOf' | 'message' | 'ephemerals' | 'homeViews' | 'openedViews'>;

export interface SlackEndpoint {
  /** http://127.0.0.1:<port>/slack/events */
  url: string;
  signingSecret: string;
}

export interface HttpResult {
  status: number;
  body: string;
  /** Milliseconds from sending the request to the full response (Slack's "time to ack"). */
  ms: number;
  /** Whether a kept-alive connection was reused (a new one adds the TCP handshake). */
  reusedSocket?: boolean;
  /** Milliseconds until the response headers arrived. */
  headersMs?: number;
}

// Keeps every idle connection (the default keeps 256), as Slack's own senders do: no reconnect storms.
const agent = new Agent({ keepAlive: true, maxSockets: 1024, maxFreeSockets: 1024 });

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export async function postSigned(
  endpoint: SlackEndpoint,
  body: string,
  contentType: string,
  opts: { headers?: Record<string, string>; signature?: string; timestamp?: number } = {},
): Promise<HttpResult> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': opts.signature ?? slackSignature(endpoint.signingSecret, timestamp, body),
    ...opts.headers,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(endpoint.url, { method: 'POST', headers, agent }, (res) => {
      const headersMs = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started, reusedSocket: req.reusedSocket, headersMs }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export interface Clickable {
  blockId: string;
  element: Record<string, unknown>;
}

/** Every interactive element of a message, in order. */
export function elementsOf(blocks: Block[]): Clickable[] {
  return blocks.flatMap((b) => {
    const blockId = String(b.block_id ?? '');
    if (b.type === 'actions') return ((b.elements as Record<string, unknown>[]) ?? []).map((element) => ({ blockId, element }));
    if (b.type === 'section' && b.accessory) return [{ blockId, element: b.accessory as Record<string, unknown> }];
    return [];
  });
}

export function buttonLabels(blocks: Block[]): string[] {
  return elementsOf(blocks)
    .filter((c) => c.element.type === 'button')
    .map((c) => String((c.element.text as { text: string }).text));
}

/** All the text a person reads in a message (section, context and header texts). */
export function textOf(blocks: Block[]): string {
  return blocks
    .flatMap((b) => {
      if (b.type === 'section' || b.type === 'header') return [String((b.text as { text?: string } | undefined)?.text ?? '')];
      if (b.type === 'context') return ((b.elements as { text?: string }[]) ?? []).map((e) => e.text ?? '');
      return [];
    })
    .join('\n');
}

type Where = FakeMessage | { message: FakeMessage; version: number } | FakeEphemeral | 'home';

export class SlackUser {
  private readonly home: { id: string; blocks: Block[] } = { id: 'V0HOME', blocks: [] };

  readonly endpoint: SlackEndpoint;
  readonly fake: SlackScreen;
  readonly teamId: string;
  readonly userId: string;
  readonly name: string;
  /** Waits until the app has finished what a request started (the app's idle() in tests). */
  readonly settle: () => Promise<void>;

  constructor(
    endpoint: SlackEndpoint,
    fake: SlackScreen,
    teamId: string,
    userId: string,
    name: string,
    settle: () => Promise<void> = async () => undefined,
  ) {
    this.endpoint = endpoint;
    this.fake = fake;
    this.teamId = teamId;
    this.userId = userId;
    this.name = name;
    this.settle = settle;
  }

  /** The same person, whose requests return with Slack's response instead of waiting for the app to finish. */
  unsettled(): SlackUser {
    return new SlackUser(this.endpoint, this.fake, this.teamId, this.userId, this.name);
  }

  get dmChannel(): string {
    return this.fake.dmChannelOf(this.userId);
  }

  /** The DM with the app, oldest message first, as it looks now. */
  dm(): FakeMessage[] {
    return this.fake.dm(this.userId);
  }

  last(): FakeMessage {
    const messages = this.dm();
    if (messages.length === 0) throw new Error(`${this.name} has no messages from kakunin yet`);
    return messages[messages.length - 1]!;
  }

  /** A DM message as it looks now. */
  message(ts: string): FakeMessage {
    const message = this.fake.message(this.dmChannel, ts);
    if (!message) throw new Error(`No message ${ts} in ${this.name}'s DM`);
    return message;
  }

  lastEphemeral(): FakeEphemeral | undefined {
    const all = this.fake.ephemerals(this.userId);
    return all[all.length - 1];
  }

  /** `/kakunin <text>`; the result's body is the ephemeral ack. */
  async command(text = ''): Promise<HttpResult> {
    const body = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: this.teamId,
      team_domain: this.teamId.toLowerCase(),
      channel_id: 'C0GENERAL',
      channel_name: 'general',
      user_id: this.userId,
      user_name: this.name,
      command: '/kakunin',
      text,
      api_app_id: 'A0FAKE',
      is_enterprise_install: 'false',
      response_url: 'https://hooks.slack.test/commands/x',
      trigger_id: `trigger-${randomUUID()}`,
    }).toString();
    const result = await postSigned(this.endpoint, body, 'application/x-www-form-urlencoded');
    await this.settle();
    return result;
  }

  /** Clicks the button whose label matches, in `where` (default: the newest DM message that has one). */
  async click(label: string | RegExp, where?: Where): Promise<HttpResult> {
    const { blocks, container } = this.locate(where, label);
    const target = elementsOf(blocks).find((c) => c.element.type === 'button' && matches(String((c.element.text as { text: string }).text), label));
    if (!target) throw new Error(`No button "${String(label)}" in ${JSON.stringify(buttonLabels(blocks))}`);
    return this.act(container, blocks, {
      type: 'button',
      action_id: target.element.action_id,
      block_id: target.blockId,
      text: target.element.text,
      value: target.element.value,
      action_ts: actionTs(),
    });
  }

  /**
   * Chooses an option of an overflow menu or a select (the leads' dashboard), in `where` (default: the
   * newest DM message that has one). `within` narrows to the element of a block whose text contains it.
   */
  async choose(option: string | RegExp, where?: Where, within?: string): Promise<HttpResult> {
    const { blocks, container } = this.locate(where === undefined ? undefined : where, undefined, 'overflow');
    const candidates = blocks.flatMap((b) => {
      if (within !== undefined && !textOf([b]).includes(within)) return [];
      return elementsOf([b]);
    });
    for (const c of candidates) {
      if (c.element.type !== 'overflow' && c.element.type !== 'static_select') continue;
      const options = (c.element.options as { text: { text: string }; value: string }[]) ?? [];
      const found = options.find((o) => matches(o.text.text, option));
      if (!found) continue;
      return this.act(container, blocks, {
        type: c.element.type,
        action_id: c.element.action_id,
        block_id: c.blockId,
        selected_option: found,
        action_ts: actionTs(),
      });
    }
    throw new Error(`No option "${String(option)}"${within ? ` near "${within}"` : ''}`);
  }

  /** Picks a date in the message's date picker (the 実施時期 of a 実施予定 answer). */
  async pickDate(date: string, where?: Where): Promise<HttpResult> {
    const { blocks, container } = this.locate(where, undefined, 'datepicker');
    const picker = elementsOf(blocks).find((c) => c.element.type === 'datepicker');
    if (!picker) throw new Error('No date picker in the message');
    return this.act(container, blocks, {
      type: 'datepicker',
      action_id: picker.element.action_id,
      block_id: picker.blockId,
      selected_date: date,
      initial_date: picker.element.initial_date,
      action_ts: actionTs(),
    });
  }

  /** Opens the App Home tab (an app_home_opened event); a retry resends the same event id. */
  async openHome(opts: { eventId?: string; retryNum?: number } = {}): Promise<HttpResult> {
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: this.teamId,
      api_app_id: 'A0FAKE',
      event: { type: 'app_home_opened', user: this.userId, channel: this.dmChannel, tab: 'home', event_ts: actionTs() },
      type: 'event_callback',
      event_id: opts.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ team_id: this.teamId, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
      is_ext_shared_channel: false,
    });
    const headers: Record<string, string> = opts.retryNum ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {};
    const result = await postSigned(this.endpoint, body, 'application/json', { headers });
    await this.settle();
    const views = this.fake.homeViews(this.userId);
    if (views.length) this.home.blocks = (views[views.length - 1]!.blocks as Block[]) ?? [];
    return result;
  }

  /** The Home tab as last published (the app republishes it after changes, without a visit). */
  homeBlocks(): Block[] {
    const views = this.fake.homeViews(this.userId);
    return views.length ? ((views[views.length - 1]!.blocks as Block[]) ?? []) : this.home.blocks;
  }

  /** Submits the newest modal with these input states (input block id → element state, as Slack sends it). */
  async submitModal(values: Record<string, Record<string, unknown>>): Promise<HttpResult> {
    const opened = this.newestModal();
    const inputs = ((opened.view.blocks as Block[]) ?? []).filter((b) => b.type === 'input');
    const state: Record<string, Record<string, unknown>> = {};
    for (const [blockId, element] of Object.entries(values)) {
      const input = inputs.find((b) => b.block_id === blockId);
      if (!input) throw new Error(`The modal has no input "${blockId}"`);
      const el = input.element as { action_id: string; type: string };
      state[blockId] = { [el.action_id]: { type: el.type, ...element } };
    }
    const payload = {
      type: 'view_submission',
      team: { id: this.teamId, domain: this.teamId.toLowerCase() },
      user: { id: this.userId, username: this.name, name: this.name, team_id: this.teamId },
      api_app_id: 'A0FAKE',
      token: 'legacy-verification-token',
      trigger_id: `trigger-${randomUUID()}`,
      view: this.viewAsSent(opened, state),
      response_urls: [],
      is_enterprise_install: false,
    };
    const result = await postSigned(this.endpoint, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded');
    await this.settle();
    return result;
  }

  /** Clicks a button inside the newest open modal: a block_actions payload whose container is the view. */
  async clickInModal(label: string | RegExp): Promise<HttpResult> {
    const opened = this.newestModal();
    const blocks = (opened.view.blocks as Block[]) ?? [];
    const target = elementsOf(blocks).find((c) => c.element.type === 'button' && matches(String((c.element.text as { text: string }).text), label));
    if (!target) throw new Error(`No button "${String(label)}" in the modal: ${JSON.stringify(buttonLabels(blocks))}`);
    const view = this.viewAsSent(opened, {});
    const action = { type: 'button', action_id: target.element.action_id, block_id: target.blockId, text: target.element.text, action_ts: actionTs() };
    return this.act({ type: 'view', view_id: view.id }, blocks, action, view);
  }

  private newestModal(): FakeSlackApi['openedViews'][number] {
    const opened = this.fake.openedViews[this.fake.openedViews.length - 1];
    if (!opened) throw new Error('No modal is open');
    return opened;
  }

  /** A modal as Slack sends it back with an interaction: its id and current hash, and what was typed. */
  private viewAsSent(opened: FakeSlackApi['openedViews'][number], values: Record<string, Record<string, unknown>>) {
    return { ...opened.view, id: opened.id ?? 'V0MODAL', team_id: this.teamId, state: { values }, hash: opened.hash ?? 'h' };
  }

  /** Sends an interaction payload as is (to replay a request, as a Slack retry does). */
  async sendPayload(payload: unknown, opts: { headers?: Record<string, string>; signature?: string } = {}): Promise<HttpResult> {
    const result = await postSigned(this.endpoint, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', opts);
    await this.settle();
    return result;
  }

  /** The payload the last click/pick sent, for replaying it. */
  lastPayload: unknown;

  private locate(where: Where | undefined, label?: string | RegExp, elementType = 'button') {
    if (where === 'home') return { blocks: this.homeBlocks(), container: { type: 'view', view_id: this.home.id } as Record<string, unknown> };
    if (where && 'user' in where)
      return { blocks: where.blocks, container: { type: 'message', message_ts: where.ts, channel_id: where.channel, is_ephemeral: true } };
    if (where && 'version' in where) {
      const v = where.message.versions[where.version];
      if (!v) throw new Error(`No version ${where.version}`);
      return { blocks: v.blocks, container: { type: 'message', message_ts: where.message.ts, channel_id: where.message.channel, is_ephemeral: false } };
    }
    const message =
      where ??
      [...this.dm()].reverse().find((m) =>
        elementsOf(m.blocks).some(
          (c) => c.element.type === elementType && (label === undefined || matches(String((c.element.text as { text?: string } | undefined)?.text ?? ''), label)),
        ),
      );
    if (!message) throw new Error(`No DM message with ${label === undefined ? elementType : `"${String(label)}"`}`);
    return { blocks: message.blocks, container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false } };
  }

  private async act(container: Record<string, unknown>, blocks: Block[], action: Record<string, unknown>, view?: Record<string, unknown>): Promise<HttpResult> {
    const isMessage = container.type === 'message';
    const payload = {
      type: 'block_actions',
      user: { id: this.userId, username: this.name, name: this.name, team_id: this.teamId },
      api_app_id: 'A0FAKE',
      token: 'legacy-verification-token',
      container,
      trigger_id: `trigger-${randomUUID()}`,
      team: { id: this.teamId, domain: this.teamId.toLowerCase() },
      enterprise: null,
      is_enterprise_install: false,
      ...(isMessage
        ? {
            channel: { id: container.channel_id, name: 'directmessage' },
            message: { type: 'message', ts: container.message_ts, text: '', blocks, user: 'U0BOT', bot_id: 'B0BOT' },
            response_url: 'https://hooks.slack.test/actions/x',
          }
        : { view: view ?? { id: container.view_id, type: 'home', blocks } }),
      state: { values: {} },
      actions: [action],
    };
    this.lastPayload = payload;
    return this.sendPayload(payload);
  }
}

function matches(text: string, label: string | RegExp): boolean {
  return typeof label === 'string' ? text === label : label.test(text);
}

let actionSeq = 0;
function actionTs(): string {
  return `${Math.floor(Date.now() / 1000)}.${String(++actionSeq).padStart(6, '0')}`;
}
