// Every data-access function that takes an actor, tried as anonymous, as another student and as
// the teacher of another class: each is refused, or sees and changes only the actor's own data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classGrid, createClass, joinClass, listClasses, studentSubmissions } from "./classes";
import { classCsv } from "./csv";
import { getDraft, saveDraft } from "./drafts";
import { ForbiddenError, UnauthenticatedError } from "./errors";
import { exerciseStats } from "./stats";
import { listSubmissions, progressByUser, recordSubmission } from "./submissions";
import { backends, makeUser, result, type TestDatabase } from "./test-support";
import type { Actor } from "./types";
import { currentUser } from "./users";

describe.each(backends())("authorization on $name", (backend) => {
  let t: TestDatabase;
  let teacher: Actor;
  let otherTeacher: Actor;
  let student: Actor;
  let otherStudent: Actor;
  let classId: string;
  const ex = "01-intro/hello";

  beforeAll(async () => {
    t = await backend.create();
    teacher = await makeUser(t.db, "teacher");
    otherTeacher = await makeUser(t.db, "teacher");
    student = await makeUser(t.db, "student");
    otherStudent = await makeUser(t.db, "student");
    const c = await createClass(t.db, teacher, { name: "Mine" });
    classId = c.id;
    await createClass(t.db, otherTeacher, { name: "Theirs" });
    await joinClass(t.db, student, c.joinCode!);
    await recordSubmission(t.db, student, {
      exerciseId: ex,
      code: "secret",
      result: result({ a: "pass" }),
      gradingMs: 1,
    });
    await saveDraft(t.db, student, { exerciseId: ex, code: "secret draft" });
  });
  afterAll(() => t?.drop());

  // The teacher's views: only the class's own teacher may call them.
  const teacherViews: Record<string, (who: Actor | null) => Promise<unknown>> = {
    classGrid: (who) => classGrid(t.db, who, classId),
    exerciseStats: (who) => exerciseStats(t.db, who, classId),
    studentSubmissions: (who) => studentSubmissions(t.db, who, classId, student.id),
    classCsv: (who) => classCsv(t.db, who, classId),
  };
  for (const [name, call] of Object.entries(teacherViews)) {
    it(`${name} refuses anonymous, another student and another class's teacher`, async () => {
      await expect(call(null)).rejects.toBeInstanceOf(UnauthenticatedError);
      await expect(call(otherStudent)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(student)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(otherTeacher)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(call(teacher)).resolves.toBeDefined();
    });
  }

  // A student's own data: the functions take no user id, so nobody can name someone else's.
  it("recordSubmission: anonymous is refused; others record only for themselves", async () => {
    await expect(
      recordSubmission(t.db, null, {
        exerciseId: ex,
        code: "x",
        result: result({ a: "fail" }),
        gradingMs: 1,
      }),
    ).rejects.toBeInstanceOf(UnauthenticatedError);
    for (const who of [otherStudent, otherTeacher]) {
      const { submission } = await recordSubmission(t.db, who, {
        exerciseId: ex,
        code: "x",
        result: result({ a: "fail" }),
        gradingMs: 1,
      });
      expect(submission.userId).toBe(who.id);
    }
    const [mine] = await progressByUser(t.db, student);
    expect(mine).toMatchObject({ attempts: 1, status: "pass" });
  });

  it("listSubmissions and progressByUser: anonymous is refused; others see none of the student's", async () => {
    await expect(listSubmissions(t.db, null, ex)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(progressByUser(t.db, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    for (const who of [otherStudent, otherTeacher, teacher]) {
      const subs = await listSubmissions(t.db, who, ex);
      expect(subs.some((s) => s.code === "secret")).toBe(false);
      expect(subs.every((s) => s.userId === who.id)).toBe(true);
    }
  });

  it("getDraft and saveDraft: anonymous is refused; others neither read nor overwrite it", async () => {
    await expect(getDraft(t.db, null, ex)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(saveDraft(t.db, null, { exerciseId: ex, code: "x" })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    for (const who of [otherStudent, otherTeacher, teacher]) {
      expect((await getDraft(t.db, who, ex))?.code).not.toBe("secret draft");
      await saveDraft(t.db, who, { exerciseId: ex, code: "overwrite?" });
    }
    expect((await getDraft(t.db, student, ex))?.code).toBe("secret draft");
  });

  it("createClass, joinClass, listClasses, currentUser: anonymous is refused", async () => {
    await expect(createClass(t.db, null, { name: "x" })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(joinClass(t.db, null, "AAAAAAAA")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(listClasses(t.db, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(currentUser(t.db, null)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it("listClasses shows another class's teacher and another student nothing of this class", async () => {
    for (const who of [otherStudent, otherTeacher]) {
      expect((await listClasses(t.db, who)).some((c) => c.id === classId)).toBe(false);
    }
  });

  it("currentUser returns only the actor's own account", async () => {
    expect((await currentUser(t.db, otherStudent))?.id).toBe(otherStudent.id);
  });
});
