import type { DepartmentChecksum, PulledChange, PullHead, PushBody, PushResult, SessionInfo, SyncErrorBody } from '../../../src-shared/sync/protocol';

// The laptop's side of the wire (src-shared/sync/protocol.ts): JSON with a bearer token, and a pull
// as one NDJSON stream per department, read line by line so that memory stays flat however big the
// department is. Every failure becomes a SyncFailure with words a person can act on.

export class SyncFailure extends Error {
  constructor(
    message: string,
    readonly code: SyncErrorBody['error'] | 'network' | 'protocol',
    readonly body?: SyncErrorBody,
  ) {
    super(message);
  }
}

export interface PullStream {
  head: PullHead;
  /** Pages of about `pageSize` changes, in the server's order; the stream ends with the end line. */
  pages(pageSize: number): AsyncGenerator<PulledChange[]>;
}

export class SyncHttp {
  private readonly base: string;

  constructor(
    serverUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 120_000,
  ) {
    this.base = serverUrl.replace(/\/+$/, '');
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${this.token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      throw new SyncFailure(`The sync server at ${this.base} cannot be reached (${why}). Your changes stay on this computer and go at the next sync.`, 'network');
    }
    if (!res.ok) {
      let body: SyncErrorBody | undefined;
      try {
        body = (await res.json()) as SyncErrorBody;
      } catch {
        body = undefined;
      }
      if (body?.error && body.message) throw new SyncFailure(body.message, body.error, body);
      throw new SyncFailure(`The sync server answered ${res.status} ${res.statusText}: is ${this.base} a Boucle sync server?`, 'protocol');
    }
    return res;
  }

  async session(): Promise<SessionInfo> {
    const r = (await (await this.request('/v1/session')).json()) as SessionInfo;
    if (typeof r?.serverId !== 'string' || !Array.isArray(r.departments)) throw new SyncFailure(`${this.base} is not a Boucle sync server`, 'protocol');
    return r;
  }

  async push(body: PushBody): Promise<PushResult> {
    return (await (await this.request('/v1/push', { method: 'POST', body: JSON.stringify(body) })).json()) as PushResult;
  }

  async checksum(dep: string): Promise<DepartmentChecksum> {
    return (await (await this.request(`/v1/departments/${dep}/checksum`)).json()) as DepartmentChecksum;
  }

  async pull(dep: string, after: number): Promise<PullStream> {
    const res = await this.request(`/v1/departments/${dep}/changes?after=${after}`);
    if (!res.body) throw new SyncFailure('The sync server sent an empty answer', 'protocol');
    const lines = readLines(res.body);
    const first = await lines.next();
    if (first.done) throw new SyncFailure('The sync server sent an empty answer', 'protocol');
    const head = JSON.parse(first.value) as PullHead;
    return {
      head,
      async *pages(pageSize: number) {
        let page: PulledChange[] = [];
        let ended = false;
        for await (const line of lines) {
          const v = JSON.parse(line) as PulledChange | { end: number };
          if ('end' in v) {
            ended = true;
            break;
          }
          page.push(v);
          if (page.length >= pageSize) {
            yield page;
            page = [];
          }
        }
        if (page.length) yield page;
        // what was applied stays applied (its cursor with it); the next sync goes on from there
        if (!ended) throw new SyncFailure('The connection to the sync server broke in the middle of a download; the next sync resumes where it stopped', 'network');
      },
    };
  }
}

async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      rest += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        const line = rest.slice(0, nl);
        rest = rest.slice(nl + 1);
        if (line) yield line;
      }
    }
  } catch (e) {
    if (e instanceof SyncFailure) throw e;
    throw new SyncFailure('The connection to the sync server broke in the middle of a download; the next sync resumes where it stopped', 'network');
  }
  rest += decoder.decode();
  if (rest) yield rest;
}
