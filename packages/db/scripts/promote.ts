// `npm run db:promote -w @interleave/db -- EMAIL [--student]`: make an existing account a
// teacher (or back to a student). How the first teacher comes to exist: they sign up in the app
// like anyone, then whoever runs the server promotes them here. There is no default account and
// no default password anywhere. The database is DATABASE_URL, else <repo>/data/interleave.db.
import { defaultDatabaseUrl, migrate, openDatabase, redact, setRoleByEmail } from "../src/index";

const args = process.argv.slice(2);
const email = args.find((a) => !a.startsWith("--"));
const role = args.includes("--student") ? "student" : "teacher";
if (!email) {
  console.error("usage: npm run db:promote -w @interleave/db -- EMAIL [--student]");
  process.exit(2);
}

const url = process.env.DATABASE_URL || defaultDatabaseUrl();
await migrate(url);
const db = await openDatabase({ url });
try {
  const user = await setRoleByEmail(db, email, role);
  console.log(`${user.email} (${user.name}) is now a ${user.role} in ${redact(url)}.`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.close();
}
