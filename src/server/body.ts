import type { Transform } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';

/** Answers up to this size are read whole (an answer that breaks off can still become a 502); larger ones stream. */
const WHOLE_BYTES = 64 * 1024;
/** Below this, compressing costs more than it saves. */
const MIN_COMPRESS_BYTES = 1024;
const REDACTED = Buffer.from('[redacted]');

type Encoding = 'br' | 'gzip';

// Brotli's default (quality 11, a 4 MB window) is for files compressed once; an answer compressed
// on the fly wants a fast level and a small window, so memory per request stays small.
const BROTLI = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_LGWIN]: 18 },
};
const GZIP = { level: 5 };

/** The encoding to answer in: brotli, else gzip, when `Accept-Encoding` allows it (q > 0). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return undefined;
}

const compressible = (type: string | null) => !type || /json|text|javascript|xml/i.test(type);

/**
 * A stream that replaces every `secret` with `[redacted]`, also one split
 * across chunks: the last `secret.length - 1` bytes of each chunk wait for the
 * next. Memory held is that tail, whatever the answer's size.
 */
export function redactingStream(secret: string): TransformStream<Uint8Array, Uint8Array> {
  const needle = Buffer.from(secret);
  let tail: Buffer = Buffer.alloc(0);
  return new TransformStream({
    transform(chunk, controller) {
      const data = tail.length
        ? Buffer.concat([tail, chunk])
        : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      let from = 0;
      for (let at = data.indexOf(needle); at !== -1; at = data.indexOf(needle, from)) {
        if (at > from) controller.enqueue(data.subarray(from, at));
        controller.enqueue(REDACTED);
        from = at + needle.length;
      }
      const keep = Math.max(from, data.length - (needle.length - 1));
      if (keep > from) controller.enqueue(data.subarray(from, keep));
      tail = Buffer.from(data.subarray(keep));
    },
    flush(controller) {
      if (tail.length) controller.enqueue(tail);
    },
  });
}

/**
 * The browser's copy of an upstream answer: `secret` redacted, compressed when
 * the browser accepts it and the type is text. Sets `content-encoding`, `vary`
 * and, for an answer read whole, `content-length` on `headers`. Throws when the
 * upstream breaks off before the answer is committed (read whole, or its first 64 KB).
 */
export async function relayBody(
  upstream: Response,
  secret: string,
  acceptEncoding: string | null,
  headers: Headers,
): Promise<BodyInit> {
  const encoding = compressible(upstream.headers.get('content-type')) ? chooseEncoding(acceptEncoding) : undefined;
  if (compressible(upstream.headers.get('content-type'))) headers.append('vary', 'Accept-Encoding');
  const reader = upstream.body!.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader.read();
    if (next.done) break;
    head.push(next.value);
    size += next.value.byteLength;
    if (size > WHOLE_BYTES) return streamed(head, reader, secret, encoding, headers);
  }
  const text = Buffer.concat(head).toString('utf8');
  let body: Buffer = Buffer.from(text.includes(secret) ? text.split(secret).join('[redacted]') : text, 'utf8');
  if (encoding && body.length >= MIN_COMPRESS_BYTES) {
    body = encoding === 'br' ? brotliCompressSync(body, BROTLI) : gzipSync(body, GZIP);
    headers.set('content-encoding', encoding);
  }
  headers.set('content-length', String(body.length));
  return body as Uint8Array<ArrayBuffer>;
}

function streamed(
  head: Uint8Array[],
  reader: ReadableStreamDefaultReader<Uint8Array>,
  secret: string,
  encoding: Encoding | undefined,
  headers: Headers,
): ReadableStream<Uint8Array> {
  // a browser gone or an upstream broken off: zlib's native memory is freed now, not at some later GC
  let cleanup = () => {};
  const rest = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        for (const chunk of head) controller.enqueue(chunk);
      },
      async pull(controller) {
        let next: ReadableStreamReadResult<Uint8Array>;
        try {
          next = await reader.read();
        } catch (error) {
          cleanup();
          throw error;
        }
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => {
        cleanup();
        return reader.cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  const redacted = rest.pipeThrough(redactingStream(secret));
  if (!encoding) return redacted;
  headers.set('content-encoding', encoding);
  const zip = encoding === 'br' ? createBrotliCompress(BROTLI) : createGzip(GZIP);
  cleanup = () => zip.destroy();
  return redacted.pipeThrough(compressingStream(zip));
}

/**
 * zlib as a web TransformStream that takes the next chunk only once zlib has
 * taken the last: the browser's pace reaches the upstream, and nothing piles
 * up in between (Node's Duplex.toWeb buffers whatever is written to it).
 */
function compressingStream(zip: Transform): TransformStream<Uint8Array, Uint8Array> {
  const written = (chunk?: Uint8Array) =>
    new Promise<void>((resolve, reject) => {
      if (chunk) zip.write(chunk, (error) => (error ? reject(error) : resolve()));
      else {
        zip.once('end', resolve).once('error', reject);
        zip.end();
      }
    });
  return new TransformStream({
    start(controller) {
      zip.on('data', (chunk: Buffer) => {
        try {
          controller.enqueue(chunk);
        } catch {
          // the browser went away while zlib was busy: nothing to send it any more
          zip.destroy();
        }
      });
      // zlib's own failures reach the write and end callbacks; an unheard 'error' event would end the process
      zip.on('error', () => undefined);
    },
    transform: (chunk) => written(chunk),
    flush: () => written(),
  });
}
