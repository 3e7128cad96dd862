// A Slack-compatible Web API on 127.0.0.1 for tests and the benchmark. It records every call (with
// its token and decoded arguments), keeps the DM conversations as Slack would (post, update,
// ephemeral), serves the three steps of files.uploadV2, answers apps.connections.open with a local
// WebSocket server for Socket Mode, and refuses Block Kit that breaks Slack's limits (invalid_blocks),
// so a message Slack would reject fails the test here too.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: Block[];
  /** chat.postMessage's `metadata` ({ event_type, event_payload }), returned by conversations.history. */
  metadata?: Record<string, unknown> | undefined;
  /** Every version of the message, oldest first (a click on an old version is a stale click). */
  versions: { text: string; blocks: Block[] }[];
}

export interface FakeEphemeral {
  channel: string;
  user: string;
  text: string;
  blocks: Block[];
  ts: string;
}

export interface FakeUpload {
  fileId: string;
  filename: string;
  length: number;
  bytes: Buffer | undefined;
  channelId?: string;
  title?: string;
  initialComment?: string;
}

export type Block = Record<string, unknown> & { type: string };

export interface Failure {
  /** HTTP status; 429 sends Retry-After. */
  status?: number;
  retryAfterSeconds?: number;
  /** A Slack error code with HTTP 200 (ok: false). */
  error?: string;
  /** The call takes effect (the message is posted) and only the answer is lost: what makes a retry risky. */
  afterEffect?: boolean;
}

export interface FakeUser {
  name: string;
  realName?: string;
  /** Workspace owner / admin (users.info, users.list): the app's first leads. */
  isOwner?: boolean;
  isAdmin?: boolean;
  isBot?: boolean;
  deleted?: boolean;
}

export interface FakeSlackApiOptions {
  teams?: Record<string, { name: string; domain?: string }>;
  users?: Record<string, FakeUser>;
  /** Channels conversations.info knows; `isMember`: the app was invited there. */
  channels?: Record<string, { name: string; isMember?: boolean; isPrivate?: boolean }>;
  botUserId?: string;
  botId?: string;
  /** Check Block Kit limits (default on). */
  validateBlocks?: boolean;
}

export interface FakeSlackApi {
  /** Web API base URL, for clientOptions.slackApiUrl. */
  url: string;
  calls: ApiCall[];
  callsTo(method: string): ApiCall[];
  dm(userId: string): FakeMessage[];
  /** Messages of a channel (a review channel), oldest first. */
  channel(channelId: string): FakeMessage[];
  dmChannelOf(userId: string): string;
  message(channel: string, ts: string): FakeMessage | undefined;
  ephemerals(userId: string): FakeEphemeral[];
  homeViews(userId: string): Record<string, unknown>[];
  /** Every modal opened, and every version a views.update made of one (newest last; same id, new hash). */
  openedViews: { triggerId: string; view: Record<string, unknown>; id?: string; hash?: string }[];
  uploads: FakeUpload[];
  /** Block Kit refusals so far: a test asserts there are none. */
  invalidBlocks: { method: string; problems: string[] }[];
  /**
   * The next `times` calls of `method` fail like this: 429 with Retry-After, HTTP 5xx, or ok:false with
   * an error code. With `when`, only calls whose arguments match (one person's DM, say) fail.
   */
  failNext(method: string, failure: Failure, times?: number, when?: (args: Record<string, unknown>) => boolean): void;
  /** Notified after every recorded call (the benchmark waits on these). */
  onCall(listener: (call: ApiCall, result: Record<string, unknown>) => void): void;
  socket: FakeSocketMode;
  close(): Promise<void>;
}

export interface FakeSocketMode {
  /** Resolves with the first Socket Mode connection (after the hello was sent). */
  connected(): Promise<WebSocket>;
  /** Sends an envelope like Slack does and resolves with the app's ack. */
  send(type: string, payload: unknown, opts?: { envelopeId?: string; retryAttempt?: number }): Promise<Record<string, unknown>>;
}

const JSON_FIELDS = ['blocks', 'view', 'files', 'attachments', 'metadata'];

export async function startFakeSlackApi(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
  const validate = options.validateBlocks ?? true;
  const calls: ApiCall[] = [];
  const messages = new Map<string, FakeMessage[]>();
  const ephemerals: FakeEphemeral[] = [];
  const homes = new Map<string, Record<string, unknown>[]>();
  const openedViews: FakeSlackApi['openedViews'] = [];
  const uploads: FakeUpload[] = [];
  const invalidBlocks: { method: string; problems: string[] }[] = [];
  const failures = new Map<string, { failure: Failure; times: number; when?: ((args: Record<string, unknown>) => boolean) | undefined }>();
  const listeners: ((call: ApiCall, result: Record<string, unknown>) => void)[] = [];
  let seq = 0;
  const nextTs = () => `1700000000.${String(++seq).padStart(6, '0')}`;
  const dmChannelOf = (user: string) => `D${user.replace(/^U/, '')}`;
  const channelOf = (channel: string) => (channel.startsWith('U') || channel.startsWith('W') ? dmChannelOf(channel) : channel);

  let origin = '';
  const sockets = new Set<WebSocket>();
  const pendingAcks = new Map<string, (ack: Record<string, unknown>) => void>();
  let onConnected: ((ws: WebSocket) => void) | undefined;
  const connectedPromise = new Promise<WebSocket>((resolve) => (onConnected = resolve));

  const methods: Record<string, (args: Record<string, unknown>, token: string | undefined) => Record<string, unknown>> = {
    'auth.test': () => ({ ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'kakunin', team_id: 'T0FAKE', user_id: options.botUserId ?? 'U0BOT', bot_id: options.botId ?? 'B0BOT' }),
    'team.info': (args) => {
      const id = String(args.team ?? '');
      const team = options.teams?.[id];
      return team ? { ok: true, team: { id, name: team.name, domain: team.domain ?? id.toLowerCase() } } : { ok: false, error: 'team_not_found' };
    },
    'users.info': (args) => {
      const id = String(args.user ?? '');
      const user = options.users?.[id];
      return user ? { ok: true, user: userObject(id, user) } : { ok: false, error: 'user_not_found' };
    },
    'users.list': (args) => {
      // Pages of two, so pagination (next_cursor) is exercised.
      const all = Object.entries(options.users ?? {});
      const start = Number(args.cursor ?? 0) || 0;
      const page = all.slice(start, start + 2);
      const next = start + 2 < all.length ? String(start + 2) : '';
      return { ok: true, members: page.map(([id, u]) => userObject(id, u)), response_metadata: { next_cursor: next } };
    },
    'conversations.info': (args) => {
      const id = String(args.channel ?? '');
      const channel = options.channels?.[id];
      // Slack hides private channels the app is not in.
      if (!channel || (channel.isPrivate && !channel.isMember)) return { ok: false, error: 'channel_not_found' };
      return { ok: true, channel: { id, name: channel.name, is_member: channel.isMember ?? false, is_private: channel.isPrivate ?? false } };
    },
    'conversations.open': (args) => {
      const user = String(args.users ?? '').split(',')[0] ?? '';
      return { ok: true, channel: { id: dmChannelOf(user) } };
    },
    'chat.postMessage': (args) => {
      const channel = channelOf(String(args.channel ?? ''));
      const problems = validate ? blockKitProblems('message', args.blocks) : [];
      if (problems.length) return invalid('chat.postMessage', problems);
      const metadata = typeof args.metadata === 'object' && args.metadata !== null ? (args.metadata as Record<string, unknown>) : undefined;
      const message: FakeMessage = { channel, ts: nextTs(), text: String(args.text ?? ''), blocks: (args.blocks as Block[]) ?? [], metadata, versions: [] };
      message.versions.push({ text: message.text, blocks: message.blocks });
      messages.set(channel, [...(messages.get(channel) ?? []), message]);
      return { ok: true, channel, ts: message.ts, message: { text: message.text, blocks: message.blocks, ts: message.ts, bot_id: options.botId ?? 'B0BOT' } };
    },
    // Newest first, like Slack; metadata only with include_all_metadata. `oldest` is not applied:
    // the fake's ts values count messages, not seconds.
    'conversations.history': (args) => {
      const channel = String(args.channel ?? '');
      const limit = Math.min(Number(args.limit ?? 100) || 100, 1000);
      const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
      const all = [...(messages.get(channel) ?? [])].reverse();
      const start = Number(args.cursor ?? 0) || 0;
      const page = all.slice(start, start + limit);
      const more = start + limit < all.length;
      return {
        ok: true,
        messages: page.map((m) => ({ type: 'message', ts: m.ts, text: m.text, bot_id: options.botId ?? 'B0BOT', ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}) })),
        has_more: more,
        response_metadata: { next_cursor: more ? String(start + limit) : '' },
      };
    },
    'chat.update': (args) => {
      const channel = String(args.channel ?? '');
      const message = messages.get(channel)?.find((m) => m.ts === args.ts);
      if (!message) return { ok: false, error: 'message_not_found' };
      const problems = validate ? blockKitProblems('message', args.blocks) : [];
      if (problems.length) return invalid('chat.update', problems);
      message.text = String(args.text ?? '');
      message.blocks = (args.blocks as Block[]) ?? [];
      message.versions.push({ text: message.text, blocks: message.blocks });
      return { ok: true, channel, ts: message.ts };
    },
    'chat.postEphemeral': (args) => {
      const problems = validate ? blockKitProblems('message', args.blocks) : [];
      if (problems.length) return invalid('chat.postEphemeral', problems);
      const e = { channel: String(args.channel ?? ''), user: String(args.user ?? ''), text: String(args.text ?? ''), blocks: (args.blocks as Block[]) ?? [], ts: nextTs() };
      ephemerals.push(e);
      return { ok: true, message_ts: e.ts };
    },
    'views.publish': (args) => {
      const view = args.view as Record<string, unknown>;
      const problems = validate ? blockKitProblems('view', view?.blocks) : [];
      if (problems.length) return invalid('views.publish', problems);
      const user = String(args.user_id ?? '');
      homes.set(user, [...(homes.get(user) ?? []), view]);
      return { ok: true, view: { id: `V${++seq}`, ...view } };
    },
    'views.open': (args) => {
      const view = args.view as Record<string, unknown>;
      const problems = validate ? [...blockKitProblems('view', view?.blocks), ...modalProblems(view)] : [];
      if (problems.length) return invalid('views.open', problems);
      const id = `V${++seq}`;
      openedViews.push({ triggerId: String(args.trigger_id ?? ''), view, id, hash: `${id}-1` });
      return { ok: true, view: { id, hash: `${id}-1`, ...view } };
    },
    // As Slack: the view must exist, and a hash that is not the current one fails (someone updated it first).
    'views.update': (args) => {
      const current = openedViews.findLast((v) => v.id === args.view_id);
      if (!current) return { ok: false, error: 'not_found' };
      if (args.hash !== undefined && args.hash !== current.hash) return { ok: false, error: 'hash_conflict' };
      const view = args.view as Record<string, unknown>;
      const problems = validate ? [...blockKitProblems('view', view?.blocks), ...modalProblems(view)] : [];
      if (problems.length) return invalid('views.update', problems);
      const hash = `${current.id}-${Number(current.hash!.split('-')[1]) + 1}`;
      openedViews.push({ triggerId: current.triggerId, view, id: current.id!, hash });
      return { ok: true, view: { id: current.id, hash, ...view } };
    },
    'files.getUploadURLExternal': (args) => {
      const fileId = `F${String(++seq).padStart(8, '0')}`;
      uploads.push({ fileId, filename: String(args.filename ?? ''), length: Number(args.length ?? 0), bytes: undefined });
      return { ok: true, upload_url: `${origin}/upload/${fileId}`, file_id: fileId };
    },
    'files.completeUploadExternal': (args) => {
      const files = (args.files as { id: string; title?: string }[]) ?? [];
      for (const f of files) {
        const upload = uploads.find((u) => u.fileId === f.id);
        if (!upload || !upload.bytes) return { ok: false, error: 'file_not_found' };
        upload.channelId = args.channel_id as string | undefined;
        upload.title = f.title;
        upload.initialComment = args.initial_comment as string | undefined;
      }
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title })) };
    },
    'apps.connections.open': (_args, token) =>
      token?.startsWith('xapp-') ? { ok: true, url: `${origin.replace('http', 'ws')}/socket-mode` } : { ok: false, error: 'invalid_auth' },
  };

  function invalid(method: string, problems: string[]) {
    invalidBlocks.push({ method, problems });
    return { ok: false, error: 'invalid_blocks', errors: problems };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://x').pathname;

    if (path.startsWith('/upload/')) {
      const fileId = path.slice('/upload/'.length);
      const upload = uploads.find((u) => u.fileId === fileId);
      const form = await new Response(raw, { headers: { 'content-type': req.headers['content-type'] ?? '' } }).formData().catch(() => undefined);
      const file = form ? [...form.values()].find((v) => typeof v !== 'string') : undefined;
      if (!upload || !file || typeof file === 'string') return send(res, 404, 'not found');
      // The upload step itself can fail too (failNext('upload', …)).
      const failure = failures.get('upload');
      if (failure && failure.times > 0) {
        failure.times--;
        calls.push({ method: 'upload', args: { failed: true }, token: bearer(req), at: Date.now() });
        const { status = 500, retryAfterSeconds } = failure.failure;
        if (status === 429) res.setHeader('retry-after', String(retryAfterSeconds ?? 1));
        return send(res, status === 200 ? 500 : status, 'upload failed');
      }
      upload.bytes = Buffer.from(await file.arrayBuffer());
      calls.push({ method: `upload:${fileId}`, args: { bytes: upload.bytes.length }, token: bearer(req), at: Date.now() });
      return send(res, 200, `OK - ${upload.bytes.length}`);
    }
    if (!path.startsWith('/api/')) return send(res, 404, 'not found');

    const method = path.slice('/api/'.length);
    const args = await decodeArgs(raw, req.headers['content-type'] ?? '');
    const token = bearer(req) ?? (typeof args.token === 'string' ? args.token : undefined);
    const call: ApiCall = { method, args, token, at: Date.now() };
    calls.push(call);

    const failure = failures.get(method);
    if (failure && failure.times > 0 && (!failure.when || failure.when(args))) {
      failure.times--;
      const { status = 200, retryAfterSeconds, error, afterEffect } = failure.failure;
      if (afterEffect && token?.startsWith('xoxb-')) methods[method]?.(args, token);
      if (status === 429) {
        res.writeHead(429, { 'retry-after': String(retryAfterSeconds ?? 1), 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      }
      if (status !== 200) return send(res, status, 'server error');
      return json(res, { ok: false, error: error ?? 'internal_error' });
    }

    const needsBot = method !== 'apps.connections.open';
    if (needsBot && !token?.startsWith('xoxb-')) return json(res, { ok: false, error: 'not_authed' });
    const impl = methods[method];
    const result = impl ? impl(args, token) : { ok: false, error: 'unknown_method' };
    json(res, result);
    for (const listener of listeners) listener(call, result);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, String(err)));
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/socket-mode')) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id?: string; payload?: Record<string, unknown> };
        if (msg.envelope_id) pendingAcks.get(msg.envelope_id)?.(msg.payload ?? {});
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0FAKE' } }));
      onConnected?.(ws);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let envelopes = 0;

  return {
    url: `${origin}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    dm: (userId) => messages.get(dmChannelOf(userId)) ?? [],
    channel: (channelId) => messages.get(channelId) ?? [],
    dmChannelOf,
    message: (channel, ts) => messages.get(channel)?.find((m) => m.ts === ts),
    ephemerals: (userId) => ephemerals.filter((e) => e.user === userId),
    homeViews: (userId) => homes.get(userId) ?? [],
    openedViews,
    uploads,
    invalidBlocks,
    failNext: (method, failure, times = 1, when) => void failures.set(method, { failure, times, when }),
    onCall: (listener) => void listeners.push(listener),
    socket: {
      connected: () => connectedPromise,
      async send(type, payload, opts = {}) {
        const ws = await connectedPromise;
        const envelopeId = opts.envelopeId ?? `env-${++envelopes}`;
        const acked = new Promise<Record<string, unknown>>((resolve) => pendingAcks.set(envelopeId, resolve));
        ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: opts.retryAttempt ?? 0, retry_reason: '' }));
        return acked;
      },
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function userObject(id: string, u: FakeUser) {
  return {
    id,
    name: u.name,
    real_name: u.realName ?? u.name,
    is_owner: u.isOwner ?? false,
    is_admin: u.isAdmin ?? u.isOwner ?? false,
    is_bot: u.isBot ?? false,
    deleted: u.deleted ?? false,
    profile: { real_name: u.realName ?? u.name, display_name: u.name },
  };
}

function bearer(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice('Bearer '.length) : undefined;
}

async function decodeArgs(raw: Buffer, contentType: string): Promise<Record<string, unknown>> {
  let fields: Record<string, unknown> = {};
  if (contentType.includes('application/json')) fields = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
  else if (contentType.includes('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const [k, v] of form.entries()) fields[k] = typeof v === 'string' ? v : `<file ${v.size} bytes>`;
  } else fields = parseQuery(raw.toString('utf8')) as Record<string, unknown>;
  for (const key of JSON_FIELDS) {
    const v = fields[key];
    if (typeof v === 'string' && (v.startsWith('[') || v.startsWith('{'))) fields[key] = JSON.parse(v);
  }
  return fields;
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function send(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

/** Slack's documented Block Kit limits, checked on everything the app sends. */
export function blockKitProblems(surface: 'message' | 'view', blocks: unknown): string[] {
  const problems: string[] = [];
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const max = surface === 'message' ? 50 : 100;
  if (blocks.length > max) problems.push(`${blocks.length} blocks (max ${max})`);
  const blockIds = new Set<string>();
  const text = (t: unknown, maxLen: number, where: string) => {
    const s = (t as { text?: unknown })?.text;
    if (typeof s !== 'string' || s.length === 0) problems.push(`${where}: empty text`);
    else if (s.length > maxLen) problems.push(`${where}: text ${s.length} > ${maxLen}`);
  };
  const element = (e: Record<string, unknown>, where: string) => {
    if (typeof e.action_id === 'string' && e.action_id.length > 255) problems.push(`${where}: action_id > 255`);
    if (e.type === 'button') {
      text(e.text, 75, `${where} button`);
      if (typeof e.value === 'string' && e.value.length > 2000) problems.push(`${where}: button value ${e.value.length} > 2000`);
    }
    for (const key of ['options', 'initial_options'] as const) {
      const options = e[key] as Record<string, unknown>[] | undefined;
      if (!options) continue;
      const limit = e.type === 'checkboxes' || e.type === 'radio_buttons' ? 10 : 100;
      if (options.length > limit) problems.push(`${where}: ${options.length} options > ${limit}`);
      for (const o of options) {
        text(o.text, 75, `${where} option`);
        if (typeof o.value === 'string' && o.value.length > 150) problems.push(`${where}: option value > 150`);
      }
    }
    if (e.placeholder) text(e.placeholder, 150, `${where} placeholder`);
  };
  blocks.forEach((b: Record<string, unknown>, i) => {
    const where = `blocks[${i}] (${String(b.type)})`;
    if (typeof b.block_id === 'string') {
      if (b.block_id.length > 255) problems.push(`${where}: block_id > 255`);
      if (blockIds.has(b.block_id)) problems.push(`${where}: duplicate block_id ${b.block_id}`);
      blockIds.add(b.block_id);
    }
    switch (b.type) {
      case 'section':
        if (b.text) text(b.text, 3000, where);
        if (Array.isArray(b.fields)) {
          if (b.fields.length > 10) problems.push(`${where}: > 10 fields`);
          (b.fields as unknown[]).forEach((f) => text(f, 2000, `${where} field`));
        }
        if (!b.text && !b.fields) problems.push(`${where}: needs text or fields`);
        if (b.accessory) element(b.accessory as Record<string, unknown>, where);
        break;
      case 'header':
        text(b.text, 150, where);
        break;
      case 'context': {
        const els = (b.elements as Record<string, unknown>[]) ?? [];
        if (els.length === 0 || els.length > 10) problems.push(`${where}: ${els.length} elements (1–10)`);
        els.forEach((e) => text(e, 3000, where));
        break;
      }
      case 'actions': {
        const els = (b.elements as Record<string, unknown>[]) ?? [];
        if (els.length === 0 || els.length > 25) problems.push(`${where}: ${els.length} elements (1–25)`);
        const ids = new Set<string>();
        for (const e of els) {
          element(e, where);
          if (typeof e.action_id === 'string') {
            if (ids.has(e.action_id)) problems.push(`${where}: duplicate action_id ${e.action_id}`);
            ids.add(e.action_id);
          }
        }
        break;
      }
      case 'input':
        text(b.label, 2000, `${where} label`);
        element(b.element as Record<string, unknown>, where);
        if (surface === 'message') problems.push(`${where}: input blocks belong in views`);
        break;
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

function modalProblems(view: Record<string, unknown> | undefined): string[] {
  if (!view) return ['no view'];
  const problems: string[] = [];
  const short = (key: string) => {
    const s = (view[key] as { text?: string } | undefined)?.text;
    if (s !== undefined && s.length > 24) problems.push(`${key} ${s.length} > 24`);
  };
  short('title');
  short('submit');
  short('close');
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) problems.push('private_metadata > 3000');
  const hasInput = ((view.blocks as Block[]) ?? []).some((b) => b.type === 'input');
  if (hasInput && !view.submit) problems.push('a modal with inputs needs submit');
  return problems;
}
