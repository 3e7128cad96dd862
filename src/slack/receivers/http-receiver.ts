// Slack's HTTP requests, received without Bolt's HTTPReceiver: that one crashes the process on a
// signed body that is JSON `null` (it reads `body.ssl_check` outside any try) and accepts timestamps
// from the future. This one checks the signature as Slack documents it — v0 HMAC-SHA256 over
// `v0:{timestamp}:{body}`, refused when the timestamp is more than five minutes from now in either
// direction — and hands every request through the inbound guard. No request can throw out of here.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Logger } from 'pino';
import { dispatchInbound } from './inbound-guard.ts';

/** Slack's replay window: requests signed further from now than this are refused. */
export const MAX_TIMESTAMP_SKEW_SECONDS = 5 * 60;
/** Slack's payloads are small; 4 MB is Bolt's limit too. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;
/** Slack waits 3 seconds for the ack; a request still unanswered then gets an honest error. */
const ACK_DEADLINE_MS = 3_000;

export interface SlackHttpReceiverOptions {
  signingSecret: string;
  logger: Logger;
  path?: string;
  /** Wall-clock time for the replay window (Slack's timestamps are real time, not the app's clock). */
  now?: () => number;
}

export class SlackHttpReceiver implements Receiver {
  /** The listening server (the benchmark observes its requests). */
  server: Server | undefined;
  private app: App | undefined;
  private readonly path: string;
  private readonly now: () => number;

  private readonly options: SlackHttpReceiverOptions;
  constructor(options: SlackHttpReceiverOptions) {
    this.options = options;
    this.path = options.path ?? '/slack/events';
    this.now = options.now ?? Date.now;
  }

  init(app: App): void {
    this.app = app;
  }

  start(listen: { port: number; host?: string }): Promise<Server> {
    if (this.server) return Promise.reject(new Error('The Slack HTTP receiver is already started'));
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        this.options.logger.error({ err }, 'a Slack request failed in the receiver');
        if (!res.headersSent) respond(res, 500);
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(listen.port, listen.host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return Promise.resolve();
    return new Promise((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      // Idle kept-alive connections would hold close() open for up to a minute.
      server.closeIdleConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { logger } = this.options;
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'POST' || path !== this.path) return respond(res, 404);

    // A declared length over the limit is refused before a byte is read; an undeclared one when it gets there.
    if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT_BYTES) {
      logger.warn({ limit: BODY_LIMIT_BYTES }, 'refused a Slack request: body too large');
      res.setHeader('connection', 'close');
      return respond(res, 413);
    }
    const raw = await readBody(req);
    if (raw === undefined) {
      logger.warn({ limit: BODY_LIMIT_BYTES }, 'refused a Slack request: body too large');
      return respond(res, 413);
    }
    const text = raw.toString('utf8');
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const form = contentType === 'application/x-www-form-urlencoded' ? parseQuery(text) : undefined;
    // Slack's certificate checks are not signed and carry nothing to act on.
    if (form?.ssl_check === '1') return respond(res, 200);

    const refusal = signatureProblem(this.options.signingSecret, req, text, Math.floor(this.now() / 1000));
    if (refusal) {
      logger.warn({ problem: refusal }, 'refused a Slack request: signature check failed');
      return respond(res, 401);
    }

    let body: unknown;
    try {
      body = form ? (typeof form.payload === 'string' ? JSON.parse(form.payload) : { ...form }) : JSON.parse(text);
    } catch {
      logger.warn({ contentType }, 'refused a signed Slack request whose body is not JSON or a form');
      return respond(res, 400);
    }
    if (isUrlVerification(body)) return respond(res, 200, { challenge: body.challenge });

    let acked = false;
    const deadline = setTimeout(() => {
      if (acked) return;
      acked = true;
      logger.error('a Slack request was not acknowledged within 3 seconds');
      respond(res, 500);
    }, ACK_DEADLINE_MS);
    const ack: ReceiverEvent['ack'] = async (response?: unknown) => {
      if (acked) return;
      acked = true;
      clearTimeout(deadline);
      respond(res, 200, response);
    };
    const event: ReceiverEvent = {
      body: body as ReceiverEvent['body'],
      ack,
      retryNum: headerNumber(req, 'x-slack-retry-num'),
      retryReason: headerString(req, 'x-slack-retry-reason'),
    };
    if (!this.app) throw new Error('The Slack HTTP receiver was started before Bolt initialised it');
    try {
      await dispatchInbound(this.app, event, logger);
    } finally {
      clearTimeout(deadline);
    }
  }
}

/** Why the request is not Slack's, or undefined when it is. */
export function signatureProblem(secret: string, req: IncomingMessage, body: string, nowSeconds: number): string | undefined {
  const timestamp = headerString(req, 'x-slack-request-timestamp');
  const signature = headerString(req, 'x-slack-signature');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return 'missing or malformed x-slack-request-timestamp';
  if (Math.abs(nowSeconds - Number(timestamp)) > MAX_TIMESTAMP_SKEW_SECONDS) return 'timestamp more than 5 minutes from now';
  if (!signature) return 'missing x-slack-signature';
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature mismatch';
  return undefined;
}

function isUrlVerification(body: unknown): body is { challenge: string } {
  const b = body as { type?: unknown; challenge?: unknown } | null;
  return typeof b === 'object' && b !== null && b.type === 'url_verification' && typeof b.challenge === 'string';
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function headerString(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function headerNumber(req: IncomingMessage, name: string): number | undefined {
  const value = Number.parseInt(headerString(req, name) ?? '', 10);
  return Number.isNaN(value) ? undefined : value;
}

function respond(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined || body === '') {
    res.writeHead(status);
    res.end();
  } else if (typeof body === 'string') {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(body);
  } else {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(body));
  }
}
