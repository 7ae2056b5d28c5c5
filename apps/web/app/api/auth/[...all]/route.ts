// better-auth's routes (sign-up, sign-in, sign-out, session), rate-limited per client IP.
import { services } from "@/lib/server/db";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  const { auth } = await services();
  return auth.handler(request);
}

export { handle as GET, handle as POST };
