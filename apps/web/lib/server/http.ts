// Small guards for JSON route handlers that take untrusted bodies: a body size cap enforced
// while reading (not only from content-length), and a same-origin check for cookie-carrying
// POSTs (the server actions have Next's own Origin check; route handlers have none).

/** The request's body as text if it fits `maxBytes` (null when it does not), read at most once. */
export async function cappedText(request: Request, maxBytes: number): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * True when a browser says the request came from another site: an Origin header whose host is
 * not the request's Host, or Sec-Fetch-Site "cross-site". Requests without either (curl, the
 * load test) are not cross-site requests a victim's browser could be made to send.
 */
export function isCrossSite(request: Request): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frames, file:) or garbage
  }
  const host =
    request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  return originHost !== host;
}
