// The domain types the data layer returns. Prisma rows never leave the package: every function
// maps them to these plain, serialisable shapes (Dates stay Dates).

export type Role = "student" | "teacher";

/** The signed-in person an action is done for; `null` (or undefined) is anonymous. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
}

export type SubmissionStatus = "pass" | "fail" | "error";
/** A grid cell or a progress row: a submission status, or nothing submitted yet. */
export type ProgressStatus = SubmissionStatus | "not-started";

/** One check's result in Exercism's results.json v3 shape (extra fields are kept). */
export interface TestResult {
  name: string;
  status: SubmissionStatus;
  message?: string | null;
  output?: string | null;
  task_id?: number | null;
  [extra: string]: unknown;
}

/** The result of grading a submission: Exercism's results.json, version 3. */
export interface ResultsV3 {
  version: 3;
  status: SubmissionStatus;
  message?: string | null;
  tests: TestResult[];
  [extra: string]: unknown;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
}

export interface SubmissionRecord {
  id: string;
  userId: string;
  exerciseId: string;
  code: string;
  status: SubmissionStatus;
  /** 0..1 */
  score: number;
  result: ResultsV3;
  gradingMs: number;
  createdAt: Date;
}

export interface ProgressRecord {
  exerciseId: string;
  /** "pass" once any submission passed, else the latest submission's status. */
  status: SubmissionStatus;
  bestScore: number;
  attempts: number;
  firstPassedAt: Date | null;
  updatedAt: Date;
}

export interface DraftRecord {
  exerciseId: string;
  code: string;
  updatedAt: Date;
}

export interface ClassSummary {
  id: string;
  name: string;
  /** Shown to the class's teacher only (null for students). */
  joinCode: string | null;
  teacher: { id: string; name: string };
  studentCount: number;
  createdAt: Date;
}

export interface StudentSummary {
  id: string;
  name: string;
  email: string;
  joinedAt: Date;
}

export interface GridCell {
  status: ProgressStatus;
  attempts: number;
  bestScore: number;
  firstPassedAt: Date | null;
}

/** A class's students x exercises, for the teacher's grid. */
export interface ClassGrid {
  classroom: ClassSummary;
  exerciseIds: string[];
  rows: Array<{ student: StudentSummary; cells: Record<string, GridCell>; passed: number }>;
}

export interface FailingCheck {
  name: string;
  /** Submissions in which this check did not pass. */
  failures: number;
  /** Distinct students with at least one such submission. */
  students: number;
}

export interface ExerciseStats {
  exerciseId: string;
  /** Students in the class. */
  students: number;
  attempted: number;
  passed: number;
  /** passed / students (0 for an empty class). */
  passRate: number;
  submissions: number;
  /** The checks that fail most, most students first (at most 5). */
  failingChecks: FailingCheck[];
}
