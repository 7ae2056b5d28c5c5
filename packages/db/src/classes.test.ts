import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classGrid, createClass, joinClass, listClasses, studentSubmissions } from "./classes";
import { classCsv } from "./csv";
import { prismaOf } from "./database";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError, UnauthenticatedError } from "./errors";
import { exerciseStats } from "./stats";
import { recordSubmission } from "./submissions";
import { backends, makeUser, result, type TestDatabase } from "./test-support";
import type { Actor } from "./types";

describe.each(backends())("classes on $name", (backend) => {
  let t: TestDatabase;
  let teacher: Actor;
  let otherTeacher: Actor;
  let alice: Actor;
  let bob: Actor;
  let outsider: Actor;
  let classId: string;
  let joinCode: string;

  beforeAll(async () => {
    t = await backend.create();
    teacher = await makeUser(t.db, "teacher", "Ms Teacher");
    otherTeacher = await makeUser(t.db, "teacher", "Mr Other");
    alice = await makeUser(t.db, "student", "Alice");
    bob = await makeUser(t.db, "student", '=Bob, "the" +hacker');
    outsider = await makeUser(t.db, "student", "Outsider");
    const created = await createClass(t.db, teacher, { name: "  Concurrency 101  " });
    classId = created.id;
    joinCode = created.joinCode!;
    await joinClass(t.db, alice, joinCode.toLowerCase());
    await joinClass(t.db, bob, `${joinCode.slice(0, 4)}-${joinCode.slice(4)}`);
    const submit = (who: Actor, exerciseId: string, tests: Record<string, "pass" | "fail" | "error">) =>
      recordSubmission(t.db, who, { exerciseId, code: "x", result: result(tests), gradingMs: 3 });
    await submit(alice, "01-intro/hello", { prints: "pass", order: "fail" });
    await submit(alice, "01-intro/hello", { prints: "pass", order: "pass" });
    await submit(bob, "01-intro/hello", { prints: "fail", order: "fail" });
    await submit(bob, "02-threads/race", { "no lost updates": "fail" });
    await submit(outsider, "01-intro/hello", { prints: "fail", order: "fail" });
  });
  afterAll(() => t?.drop());

  it("creates a class with a trimmed name and an unambiguous join code", async () => {
    const [mine] = await listClasses(t.db, teacher);
    expect(mine).toMatchObject({
      id: classId,
      name: "Concurrency 101",
      studentCount: 2,
      teacher: { name: "Ms Teacher" },
    });
    expect(joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/);
  });

  it("lets only teachers create classes", async () => {
    await expect(createClass(t.db, null, { name: "x" })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(createClass(t.db, alice, { name: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    // A student claiming to be a teacher is still a student in the database.
    await expect(createClass(t.db, { id: alice.id, role: "teacher" }, { name: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createClass(t.db, teacher, { name: "   " })).rejects.toBeInstanceOf(InvalidError);
    await expect(createClass(t.db, teacher, { name: "x".repeat(101) })).rejects.toBeInstanceOf(InvalidError);
  });

  it("refuses bad, unknown and repeated joins with clear errors", async () => {
    await expect(joinClass(t.db, null, joinCode)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(joinClass(t.db, outsider, "short")).rejects.toBeInstanceOf(InvalidError);
    await expect(joinClass(t.db, outsider, "AAAAAAAA")).rejects.toBeInstanceOf(NotFoundError);
    await expect(joinClass(t.db, alice, joinCode)).rejects.toBeInstanceOf(ConflictError);
    await expect(joinClass(t.db, otherTeacher, joinCode)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("shows students their classes without the join code", async () => {
    const classes = await listClasses(t.db, alice);
    expect(classes).toHaveLength(1);
    expect(classes[0]).toMatchObject({ id: classId, joinCode: null });
    expect(await listClasses(t.db, outsider)).toEqual([]);
  });

  it("gives the teacher a grid of students x exercises", async () => {
    const grid = await classGrid(t.db, teacher, classId, [
      "01-intro/hello",
      "02-threads/race",
      "03-asyncio/gather",
    ]);
    expect(grid.rows.map((r) => r.student.name)).toEqual(['=Bob, "the" +hacker', "Alice"]);
    const alices = grid.rows.find((r) => r.student.id === alice.id)!;
    expect(alices.cells["01-intro/hello"]).toMatchObject({ status: "pass", attempts: 2, bestScore: 1 });
    expect(alices.cells["03-asyncio/gather"]).toMatchObject({ status: "not-started", attempts: 0 });
    expect(alices.passed).toBe(1);
    const bobs = grid.rows.find((r) => r.student.id === bob.id)!;
    expect(bobs.cells["02-threads/race"]?.status).toBe("fail");
    // The outsider's submissions never show up.
    expect(grid.rows.some((r) => r.student.id === outsider.id)).toBe(false);
    // Without a column list: every exercise a student of the class has submitted.
    expect((await classGrid(t.db, teacher, classId)).exerciseIds).toEqual([
      "01-intro/hello",
      "02-threads/race",
    ]);
  });

  it("computes pass rates and the checks that fail most", async () => {
    const stats = await exerciseStats(t.db, teacher, classId);
    const hello = stats.find((s) => s.exerciseId === "01-intro/hello")!;
    expect(hello).toMatchObject({ students: 2, attempted: 2, passed: 1, passRate: 0.5, submissions: 3 });
    expect(hello.failingChecks).toEqual([
      { name: "order", failures: 2, students: 2 },
      { name: "prints", failures: 1, students: 1 },
    ]);
    const race = stats.find((s) => s.exerciseId === "02-threads/race")!;
    expect(race).toMatchObject({
      passed: 0,
      passRate: 0,
      failingChecks: [{ name: "no lost updates", failures: 1, students: 1 }],
    });
  });

  it("shows one student's submissions to their teacher", async () => {
    const subs = await studentSubmissions(t.db, teacher, classId, alice.id);
    expect(subs.map((s) => s.status)).toEqual(["pass", "fail"]);
    expect(await studentSubmissions(t.db, teacher, classId, bob.id, "02-threads/race")).toHaveLength(1);
    await expect(studentSubmissions(t.db, teacher, classId, outsider.id)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("exports the grid as CSV with quoting and a formula guard", async () => {
    const csv = await classCsv(t.db, teacher, classId, ["01-intro/hello", "02-threads/race"]);
    expect(csv.split("\r\n")).toEqual([
      "name,email,passed,01-intro/hello,02-threads/race",
      `"'=Bob, ""the"" +hacker",${bob.id}@example.test,0,fail,fail`,
      `Alice,${alice.id}@example.test,1,pass,`,
      "",
    ]);
  });

  describe("refuses the teacher's views to anyone but the class's teacher", () => {
    const views = {
      classGrid: (who: Actor | null) => classGrid(t.db, who, classId),
      exerciseStats: (who: Actor | null) => exerciseStats(t.db, who, classId),
      studentSubmissions: (who: Actor | null) => studentSubmissions(t.db, who, classId, alice.id),
      classCsv: (who: Actor | null) => classCsv(t.db, who, classId),
    };
    for (const [name, view] of Object.entries(views)) {
      it(`${name}: anonymous, a student of the class, another student, another class's teacher`, async () => {
        await expect(view(null)).rejects.toBeInstanceOf(UnauthenticatedError);
        await expect(view(alice)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(view({ id: alice.id, role: "teacher" })).rejects.toBeInstanceOf(ForbiddenError);
        await expect(view(outsider)).rejects.toBeInstanceOf(ForbiddenError);
        await expect(view(otherTeacher)).rejects.toBeInstanceOf(ForbiddenError);
      });
    }

    it("reads unknown and malformed class ids as not found or invalid", async () => {
      await expect(classGrid(t.db, teacher, "no-such-class")).rejects.toBeInstanceOf(NotFoundError);
      await expect(classGrid(t.db, teacher, "")).rejects.toBeInstanceOf(InvalidError);
      await expect(classGrid(t.db, teacher, classId, ["not an id"])).rejects.toBeInstanceOf(InvalidError);
    });

    it("drops a demoted teacher's access", async () => {
      const former = await makeUser(t.db, "teacher");
      const c = await createClass(t.db, former, { name: "Old class" });
      await prismaOf(t.db).user.update({ where: { id: former.id }, data: { role: "student" } });
      await expect(classGrid(t.db, former, c.id)).rejects.toBeInstanceOf(ForbiddenError);
    });
  });
});
