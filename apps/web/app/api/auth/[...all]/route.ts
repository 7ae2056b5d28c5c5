// better-auth's routes (sign-up, sign-in, sign-out, session), rate-limited per client IP. Bodies
// are capped before better-auth reads them: its forms are a few hundred bytes.
import { services } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/** The largest request body the auth routes accept, in bytes. */
export const MAX_AUTH_BODY = 16 * 1024;

function tooLarge(): Response {
  return Response.json(
    { message: "The request is too large.", code: "PAYLOAD_TOO_LARGE" },
    { status: 413, headers: { "cache-control": "no-store" } },
  );
}

/** The request's body if it fits the cap (null when it does not), read at most once. */
async function cappedBody(request: Request): Promise<ArrayBuffer | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_AUTH_BODY) return null;
  if (!request.body) return new ArrayBuffer(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_AUTH_BODY) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body.buffer;
}

async function handle(request: Request): Promise<Response> {
  const { auth } = await services();
  if (request.method === "GET" || request.method === "HEAD") return auth.handler(request);
  const body = await cappedBody(request);
  if (body === null) return tooLarge();
  return auth.handler(new Request(request, { body }));
}

export { handle as GET, handle as POST };
