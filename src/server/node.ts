import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_BODY_BYTES, noStore, type WebHandler } from './handlers.js';

/**
 * Runs a web-standard handler in Node's `http` (and so Express, Connect,
 * Fastify's raw mode...). A body already read by a body parser (`req.body`) is
 * passed on; a body over 1 MB is refused with 413. Answers stream back with
 * backpressure; a browser that goes away cancels the upstream answer.
 */
export function toNodeHandler(handler: WebHandler): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const body = await readNodeBody(req);
      if (body === 'too-large') {
        res.writeHead(413, { ...noStore, connection: 'close' });
        res.end(JSON.stringify({ success: false, message: 'The body is too large.' }));
        return;
      }
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        // hop-by-hop framing describes the original message, not the one rebuilt here
        if (HOP_BY_HOP.has(name)) continue;
        if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
        else if (value !== undefined) headers.set(name, value);
      }
      const origin = `http://${req.headers.host ?? 'localhost'}`;
      const request = new Request(new URL((req as NodeRequest).originalUrl ?? req.url ?? '/', origin), {
        method: req.method,
        headers,
        body: req.method === 'GET' || req.method === 'HEAD' || !body?.length ? undefined : new Uint8Array(body),
      });
      const response = await handler(request);
      res.statusCode = response.status;
      response.headers.forEach((value, name) => res.setHeader(name, value));
      if (!response.body) return res.end();
      await pump(response.body, res);
    })().catch(() => {
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ success: false, message: 'Internal error.' }));
      } else {
        // cut off mid-answer: end the connection so the browser sees a broken answer, not a short one
        res.destroy();
      }
    });
  };
}

/**
 * Writes a web stream to Node's response at the pace the browser reads it; a
 * browser that goes away cancels the stream (and so the upstream answer). An
 * answer of one chunk (any built from a string or buffer) is sent in one go.
 */
async function pump(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  const gone = () => void reader.cancel().catch(() => undefined);
  res.once('close', gone);
  try {
    let next = await reader.read();
    while (!next.done) {
      const after = await reader.read();
      if (after.done) return void res.end(next.value);
      if (!res.write(next.value)) {
        await drainedOrClosed(res);
        if (res.destroyed) return;
      }
      next = after;
    }
    res.end();
  } finally {
    res.off('close', gone);
  }
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'upgrade']);

/** What Express and body parsers add to Node's request. */
type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

async function readNodeBody(req: NodeRequest): Promise<Buffer | undefined | 'too-large'> {
  if (req.readableEnded) {
    // a body parser got here first: pass on what it parsed
    const parsed = req.body;
    if (parsed === undefined || parsed === null) return undefined;
    if (Buffer.isBuffer(parsed)) return parsed;
    return Buffer.from(typeof parsed === 'string' ? parsed : JSON.stringify(parsed));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
