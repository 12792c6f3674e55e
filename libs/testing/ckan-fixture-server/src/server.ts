import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Actions, type Params } from './actions';
import { Catalogue, type FixtureOptions } from './catalogue';
import {
  FaultPlan,
  type FaultKind,
  type Faults,
  type Http500Rule,
  type SuccessFalseRule,
  type TruncatedJsonRule,
} from './faults';

export interface RequestLog {
  /** 1-based number of the call. */
  seq: number;
  method: string;
  /** Path after the API prefix, e.g. `package_search` (or the full path for other URLs). */
  action: string;
  /** Query-string parameters (strings; a repeated key gives an array) merged with the JSON/form body. */
  params: Params;
  /** HTTP status sent (undefined while pending, or for a timeout). */
  status?: number;
  /** The fault injected, if any. */
  fault?: FaultKind;
}

export interface StartOptions extends FixtureOptions {
  /** Port (default 0: any free port). */
  port?: number;
  /** Host (default 127.0.0.1). */
  host?: string;
  faults?: Faults;
}

export interface CkanFixtureServer {
  /** Base URL including the API prefix, e.g. `http://127.0.0.1:PORT/api/3/action`. */
  url: string;
  /** `http://127.0.0.1:PORT`. */
  origin: string;
  port: number;
  catalogue: Catalogue;
  /** Replace the faults (and restart their call counters). */
  setFaults(faults: Faults): void;
  /** Every call, in order (clear it with `requests.length = 0`). */
  requests: RequestLog[];
  /** Stop listening and drop every open connection (including calls left hanging by a timeout fault). */
  close(): Promise<void>;
}

const INTERNAL_ERROR_PAGE =
  '<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title></head>\n<body><h1>Internal Server Error</h1>\n' +
  '<p>The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.</p>\n</body></html>\n';

const JSON_TYPE = 'application/json;charset=utf-8';

/**
 * An HTTP request handler speaking the Action API over a catalogue. `startCkanFixtureServer` wraps it
 * in a server; use it directly to mount the fixture on a server of your own.
 */
export class CkanFixtureHandler {
  readonly actions: Actions;
  readonly requests: RequestLog[] = [];
  private plan: FaultPlan;
  private readonly pending = new Set<ServerResponse>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly catalogue: Catalogue,
    faults: Faults = {},
  ) {
    this.actions = new Actions(catalogue);
    this.plan = new FaultPlan(faults);
  }

  setFaults(faults: Faults): void {
    this.plan = new FaultPlan(faults);
  }

  /** Drop hanging calls and pending timers. */
  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const res of this.pending) res.socket?.destroy();
    this.pending.clear();
  }

  handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        this.respond(req, res, Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `fixture error: ${(e as Error).stack ?? e}`);
      }
    });
  };

  private respond(req: IncomingMessage, res: ServerResponse, rawBody: string): void {
    const url = new URL(req.url ?? '/', 'http://fixture');
    const prefix = this.catalogue.apiPrefix;
    const method = req.method ?? 'GET';

    const params: Params = {};
    for (const key of new Set(url.searchParams.keys())) {
      const values = url.searchParams.getAll(key);
      params[key] = values.length === 1 ? values[0] : values;
    }
    let bodyError: string | undefined;
    if (method === 'POST' && rawBody.trim()) {
      const type = req.headers['content-type'] ?? '';
      if (type.includes('application/x-www-form-urlencoded')) {
        for (const [k, v] of new URLSearchParams(rawBody)) params[k] = v;
      } else {
        try {
          const body: unknown = JSON.parse(rawBody);
          if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(params, body);
          else bodyError = 'Request data JSON decoded to a non-dictionary';
        } catch (e) {
          bodyError = `Error decoding JSON data. Error: ${(e as Error).message}`;
        }
      }
    }

    const isAction = url.pathname.startsWith(prefix + '/');
    const action = isAction ? decodeURIComponent(url.pathname.slice(prefix.length + 1)) : url.pathname;
    const entry: RequestLog = { seq: this.requests.length + 1, method, action, params };
    this.requests.push(entry);

    if (!isAction) {
      if (url.pathname === prefix.replace(/\/action$/, ''))
        return this.finish(entry, res, 200, JSON_TYPE, '{"version":3}');
      return this.finish(
        entry,
        res,
        404,
        'text/html; charset=utf-8',
        '<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>',
      );
    }
    if (method !== 'GET' && method !== 'POST') {
      return this.finish(entry, res, 400, JSON_TYPE, JSON.stringify(`Bad request - Invalid request method: ${method}`));
    }

    const fired = this.plan.next(action, params);
    entry.fault = fired?.kind;
    const plan = this.plan;
    const go = () => {
      if (fired?.kind === 'timeout') {
        this.pending.add(res);
        res.on('close', () => this.pending.delete(res));
        return; // never answered
      }
      if (fired?.kind === 'http500') {
        const rule = fired.rule as Http500Rule;
        return this.finish(
          entry,
          res,
          rule.status ?? 500,
          rule.contentType ?? 'text/html; charset=utf-8',
          rule.body ?? INTERNAL_ERROR_PAGE,
        );
      }
      if (fired?.kind === 'successFalse') {
        const rule = fired.rule as SuccessFalseRule;
        const body = JSON.stringify({
          help: this.actions.helpUrl(action),
          success: false,
          error: rule.error ?? { __type: 'Internal Error', message: 'Simulated failure' },
        });
        return this.finish(entry, res, rule.status ?? 200, JSON_TYPE, body);
      }
      const result = bodyError
        ? { status: 400, body: JSON.stringify(`Bad request - ${bodyError}`) }
        : this.actions.call(action, params, plan.wrongTypes);
      if (fired?.kind === 'truncatedJson') {
        const rule = fired.rule as TruncatedJsonRule;
        const full = Buffer.from(result.body, 'utf8');
        const cut = full.subarray(0, Math.max(0, Math.min(rule.bytes ?? Math.floor(full.length / 2), full.length - 1)));
        entry.status = result.status;
        if (rule.abort) {
          res.writeHead(result.status, { 'Content-Type': JSON_TYPE, 'Content-Length': full.length });
          res.write(cut, () => res.socket?.destroy());
          return;
        }
        return this.finish(entry, res, result.status, JSON_TYPE, cut);
      }
      this.finish(entry, res, result.status, JSON_TYPE, result.body);
    };
    const latency = plan.latencyMs;
    if (latency > 0) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        go();
      }, latency);
      this.timers.add(timer);
    } else {
      go();
    }
  }

  private finish(entry: RequestLog, res: ServerResponse, status: number, type: string, body: string | Buffer): void {
    entry.status = status;
    send(res, status, type, body);
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': buf.length });
  res.end(buf);
}

/** Start a CKAN Action API server over a generated catalogue. */
export async function startCkanFixtureServer(options: StartOptions): Promise<CkanFixtureServer> {
  const catalogue = new Catalogue(options);
  const handler = new CkanFixtureHandler(catalogue, options.faults);
  const server: Server = createServer(handler.handle);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${shownHost}:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: origin + catalogue.apiPrefix,
    origin,
    port,
    catalogue,
    requests: handler.requests,
    setFaults: (faults) => handler.setFaults(faults),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        handler.dispose();
        server.close((err) => (err ? reject(err) : resolve()));
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
