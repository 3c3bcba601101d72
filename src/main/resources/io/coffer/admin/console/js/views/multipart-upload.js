import { api, enc, headers, xhrError } from '../api.js';

const MIB = 1024 * 1024;

/** Parts of 8 MiB (S3's smallest is 5 MiB), larger for files that would need over 10,000. */
const PART_SIZE = 8 * MIB;
const MAX_PARTS = 10000;

/** Parts of one file sent at once; the browser allows six connections to the console. */
export const PARALLEL_PARTS = 4;

/** Files up to one part go in a single PUT; larger ones as a multipart upload. */
export function isMultipart(file) {
  return file.size > PART_SIZE;
}

export function partSizeFor(size) {
  return Math.max(PART_SIZE, Math.ceil(size / MAX_PARTS / MIB) * MIB);
}

function uploadPath(bucket, uploadId) {
  return `/buckets/${enc(bucket)}/multipart-uploads/${enc(uploadId)}`;
}

/**
 * Sends a file as a multipart upload through the management API: several parts at once, each a
 * PUT of a slice of the file (the browser reads it from disk as it sends). With an uploadId, the
 * upload is resumed: the parts the server already has (listed first) are not sent again.
 *
 * job: {bucket, key, file, uploadId?, partSize?, onStarted({uploadId, partSize}), onProgress(bytes)}
 * Returns {done: Promise, cancel()}. cancel stops every part and aborts the upload on the server;
 * done then rejects with an error whose `cancelled` is true. Any other failure leaves the upload on
 * the server, to be resumed.
 */
export function sendMultipart(job) {
  const inFlight = new Set();
  let cancelled = false;
  let stopped = false;
  let uploadId = job.uploadId ?? null;
  const cancelledError = () => Object.assign(new Error('Cancelled'), { cancelled: true });

  async function run() {
    const { bucket, key, file } = job;
    const partSize = job.partSize ?? partSizeFor(file.size);
    if (!uploadId) {
      const created = await api('POST', `/buckets/${enc(bucket)}/multipart-uploads`,
        { key, content_type: file.type || 'application/octet-stream' });
      uploadId = created.upload_id;
    }
    if (cancelled) throw cancelledError();
    job.onStarted?.({ uploadId, partSize });
    const partCount = Math.max(1, Math.ceil(file.size / partSize));
    const sizeOf = (n) => Math.min(partSize, file.size - (n - 1) * partSize);
    const etags = new Map();
    // A stored part of the right size is this file's: the file was checked before resuming.
    for (const part of await storedParts(bucket, key, uploadId)) {
      if (part.part_number <= partCount && part.size === sizeOf(part.part_number)) {
        etags.set(part.part_number, part.etag);
      }
    }
    const loaded = new Map();
    let stored = [...etags.keys()].reduce((sum, n) => sum + sizeOf(n), 0);
    const report = () => job.onProgress?.(stored + [...loaded.values()].reduce((a, b) => a + b, 0));
    report();
    const waiting = [];
    for (let n = 1; n <= partCount; n++) if (!etags.has(n)) waiting.push(n);

    async function worker() {
      while (waiting.length && !stopped) {
        const n = waiting.shift();
        const blob = file.slice((n - 1) * partSize, (n - 1) * partSize + sizeOf(n));
        const url = `/api/v1${uploadPath(bucket, uploadId)}/parts/${n}?key=${enc(key)}`;
        const part = sendPart(url, blob, (bytes) => {
          loaded.set(n, bytes);
          report();
        });
        inFlight.add(part);
        try {
          etags.set(n, (await part.done).etag);
        } catch (e) {
          // One part failed: stop the others at once, before any of them starts another part.
          if (!stopped) {
            stopped = true;
            inFlight.forEach((p) => p.abort());
          }
          throw cancelled ? cancelledError() : e;
        } finally {
          inFlight.delete(part);
          loaded.delete(n);
        }
        stored += sizeOf(n);
        report();
      }
    }

    await Promise.all(Array.from({ length: Math.min(PARALLEL_PARTS, waiting.length) }, worker));
    if (cancelled) throw cancelledError();
    const parts = [...etags.entries()].sort((a, b) => a[0] - b[0])
      .map(([number, etag]) => ({ part_number: number, etag }));
    return api('POST', `${uploadPath(bucket, uploadId)}/complete?key=${enc(key)}`, { parts });
  }

  const done = run().catch(async (e) => {
    if (cancelled && uploadId) {
      try {
        await api('DELETE', uploadPath(job.bucket, uploadId));
      } catch (failed) {
        throw Object.assign(new Error(`Cancelled, but the upload could not be aborted: ${failed.message}`), { cancelled: true, kept: true });
      }
    }
    throw e;
  });
  return {
    done,
    cancel() {
      cancelled = true;
      stopped = true;
      inFlight.forEach((p) => p.abort());
    },
  };
}

/** Every part the server has stored of the upload, page after page. */
async function storedParts(bucket, key, uploadId) {
  const parts = [];
  let marker = 0;
  for (;;) {
    const page = await api('GET',
      `${uploadPath(bucket, uploadId)}/parts?key=${enc(key)}&part_number_marker=${marker}`);
    parts.push(...page.parts);
    if (!page.truncated) return parts;
    marker = page.next_part_number_marker;
  }
}

/** One part's PUT, with upload progress; done resolves to the API's {part_number, etag, size}. */
function sendPart(url, blob, onProgress) {
  const xhr = new XMLHttpRequest();
  const done = new Promise((resolve, reject) => {
    xhr.open('PUT', url);
    for (const [name, value] of Object.entries(headers({ 'Content-Type': 'application/octet-stream' }))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (e) => onProgress(e.loaded));
    xhr.addEventListener('load', () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(JSON.parse(xhr.responseText));
      else reject(xhrError(xhr));
    });
    xhr.addEventListener('error', () => reject(new Error('the connection to the server was lost.')));
    xhr.addEventListener('abort', () => reject(Object.assign(new Error('Cancelled'), { cancelled: true })));
    xhr.send(blob);
  });
  return { done, abort: () => xhr.abort() };
}
