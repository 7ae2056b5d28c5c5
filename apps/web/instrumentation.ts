// Creates and migrates the database when the server starts, so `npm start` needs no manual step
// and the first request does not wait for it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { migrate } = await import("@interleave/db");
  const { databaseUrl } = await import("@/lib/server/db");
  await migrate(databaseUrl);
}
