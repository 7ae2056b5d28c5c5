// @interleave/db: the only code that talks to the database. Functions take an open Database
// and the acting user (Actor | null), enforce who may do what, and return domain types.

// Auth (better-auth)
export {
  type ActorSession,
  type Auth,
  type AuthOptions,
  createAuth,
  getActor,
  getActorSession,
} from "./auth";
// Classes and the teacher's views
export { classGrid, createClass, joinClass, listClasses, studentSubmissions } from "./classes";
export { classCsv, csvField, toCsv } from "./csv";
// Opening and migrating
export {
  type Database,
  defaultDatabaseUrl,
  type OpenOptions,
  openDatabase,
  type Provider,
  providerOf,
  redact,
} from "./database";
export { getDraft, saveDraft } from "./drafts";
export {
  ConflictError,
  DbError,
  ForbiddenError,
  InvalidError,
  MigrationError,
  NotFoundError,
  RateLimitedError,
  UnauthenticatedError,
} from "./errors";
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from "./join-code";
export { knownMigrations, type MigrateResult, migrate } from "./migrate";
// Rate limits shared by all app instances
export { consumeRateLimit, type RateLimitRule } from "./rate-limit";
export { closeSharedDatabases, sharedDatabase } from "./shared";
export { exerciseStats } from "./stats";
// Submissions, progress, drafts
export {
  HISTORY_LIMIT,
  listSubmissions,
  progressByUser,
  recordSubmission,
  type SubmissionInput,
} from "./submissions";
export type {
  Actor,
  ClassGrid,
  ClassSummary,
  DraftRecord,
  ExerciseStats,
  FailingCheck,
  GridCell,
  ProgressRecord,
  ProgressStatus,
  ResultsV3,
  Role,
  StudentSummary,
  SubmissionRecord,
  SubmissionStatus,
  TestResult,
  UserSummary,
} from "./types";
// People
export { currentUser, setRoleByEmail } from "./users";
// Limits, errors and types
export { limits } from "./validation";
