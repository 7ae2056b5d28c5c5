// Creates and migrates the database when the server starts, so `npm start` needs no manual step
// and the first request does not wait for it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { services } = await import("@/lib/server/db");
  await services();
}
