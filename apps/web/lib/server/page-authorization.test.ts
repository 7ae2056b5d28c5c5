/**
 * Authorization of the pages under (account) and (teach), against a real SQLite file: each is
 * rendered as anonymous (sent to sign-in, coming back to the page), as another student and as
 * another class's teacher (a 404: the page's existence is not confirmed), and as the person it
 * is for. Malformed ids are 404s too, never server errors.
 */
import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ANON, as, navigationMock, outcome, type Person, requestHeaders, world } from "./test-world";

vi.mock("next/headers", () => ({ headers: async () => requestHeaders() }));
vi.mock("next/navigation", () => navigationMock);

const w = await world();
const { people, classId, db, database } = w;
const Dashboard = (await import("../../app/(account)/dashboard/page")).default;
const History = (await import("../../app/(account)/dashboard/[module]/[exercise]/page")).default;
const Join = (await import("../../app/(account)/join/page")).default;
const Teach = (await import("../../app/(teach)/teach/page")).default;
const ClassPage = (await import("../../app/(teach)/teach/[classId]/page")).default;
const StudentPage = (await import("../../app/(teach)/teach/[classId]/students/[studentId]/page")).default;
const SignIn = (await import("../../app/(auth)/sign-in/page")).default;
const SignUp = (await import("../../app/(auth)/sign-up/page")).default;

const EXERCISE = "12-asyncio/three-clients";
const SECRET_CODE = "print(the student own solution)";
let studentId = "";
let otherStudentId = "";

beforeAll(async () => {
  studentId = await w.idOf(people.student);
  otherStudentId = await w.idOf(people.otherStudent);
  const result = {
    version: 3 as const,
    status: "pass" as const,
    tests: [{ name: "works", status: "pass" as const }],
  };
  await db.recordSubmission(database, await w.actorOf(people.student), {
    exerciseId: EXERCISE,
    code: SECRET_CODE,
    result,
    gradingMs: 3,
  });
});
afterAll(async () => {
  await db.closeSharedDatabases();
});

/** Renders a page as someone: its HTML, or where it sent them, or "not found". */
async function visit(who: Person | "anonymous", page: () => Promise<ReactElement>) {
  as(who === "anonymous" ? ANON : people[who]);
  const result = await outcome(page);
  return typeof result === "object" && "redirected" in result
    ? result
    : result === "not found"
      ? result
      : renderToStaticMarkup(result);
}

const params = <T>(value: T) => ({ params: Promise.resolve(value) });
const signIn = (next: string) => ({ redirected: `/sign-in?next=${encodeURIComponent(next)}` });

describe("/dashboard", () => {
  it("sends anonymous visitors to sign in and back", async () => {
    expect(await visit("anonymous", Dashboard)).toEqual(signIn("/dashboard"));
  });
  it("shows each student their own progress only", async () => {
    expect(await visit("student", Dashboard)).toMatch(/1 of \d+ exercises passed/);
    expect(await visit("otherStudent", Dashboard)).toMatch(/0 of \d+ exercises passed/);
  });
});

describe("/dashboard/<module>/<exercise>", () => {
  const history = (module: string, exercise: string) => () => History(params({ module, exercise }));
  const [module, exercise] = EXERCISE.split("/") as [string, string];
  it("sends anonymous visitors to sign in and back", async () => {
    expect(await visit("anonymous", history(module, exercise))).toEqual(signIn(`/dashboard/${EXERCISE}`));
  });
  it("shows a student their own submissions and never another's", async () => {
    expect(await visit("student", history(module, exercise))).toContain(SECRET_CODE);
    expect(await visit("otherStudent", history(module, exercise))).not.toContain(SECRET_CODE);
    expect(await visit("teacher", history(module, exercise))).not.toContain(SECRET_CODE);
  });
  it("is a 404 for exercises that do not exist, however malformed", async () => {
    expect(await visit("student", history("99-nope", "nothing"))).toBe("not found");
    expect(await visit("student", history("..", "..%2F..%2Fetc"))).toBe("not found");
    expect(await visit("student", history("x".repeat(5000), "y"))).toBe("not found");
  });
});

describe("/join", () => {
  it("sends anonymous visitors to sign in and back", async () => {
    expect(await visit("anonymous", Join)).toEqual(signIn("/join"));
  });
  it("lists the classes a student joined, not others'", async () => {
    expect(await visit("student", Join)).toContain("Period 1");
    expect(await visit("otherStudent", Join)).not.toContain("Period 1");
  });
});

describe("/teach", () => {
  it("sends anonymous visitors to sign in and back", async () => {
    expect(await visit("anonymous", Teach)).toEqual(signIn("/teach"));
  });
  it("is a 404 for students", async () => {
    expect(await visit("student", Teach)).toBe("not found");
    expect(await visit("otherStudent", Teach)).toBe("not found");
  });
  it("lists each teacher's own classes with their join codes", async () => {
    const mine = await visit("teacher", Teach);
    expect(mine).toContain("Period 1");
    expect(mine).toContain(w.code);
    const theirs = await visit("otherTeacher", Teach);
    expect(theirs).toContain("Period 2");
    expect(theirs).not.toContain("Period 1");
    expect(theirs).not.toContain(w.code);
  });
});

describe("/teach/<class>", () => {
  const page = (id: string) => () => ClassPage(params({ classId: id }));
  it("sends anonymous visitors to sign in and back", async () => {
    expect(await visit("anonymous", page(classId))).toEqual(signIn(`/teach/${classId}`));
  });
  it("is a 404 for its students, other students and another class's teacher", async () => {
    for (const who of ["student", "otherStudent", "otherTeacher"] as const) {
      expect(await visit(who, page(classId))).toBe("not found");
    }
  });
  it("is a 404 for classes that do not exist, however malformed", async () => {
    expect(await visit("teacher", page("no-such-class"))).toBe("not found");
    expect(await visit("teacher", page("x".repeat(5000)))).toBe("not found");
    expect(await visit("teacher", page("'; drop table User; --"))).toBe("not found");
  });
  it("shows its teacher the grid with the student's pass", async () => {
    const html = await visit("teacher", page(classId));
    expect(html).toContain("student");
    expect(html).toMatch(/Three clients at once: Passed/);
  });
});

describe("/teach/<class>/students/<student>", () => {
  const page = (id: string, student: string) => () =>
    StudentPage(params({ classId: id, studentId: student }));
  it("sends anonymous visitors to sign in and back", async () => {
    expect(await visit("anonymous", page(classId, studentId))).toEqual(
      signIn(`/teach/${classId}/students/${studentId}`),
    );
  });
  it("is a 404 for the student themself, other students and another class's teacher", async () => {
    for (const who of ["student", "otherStudent", "otherTeacher"] as const) {
      expect(await visit(who, page(classId, studentId))).toBe("not found");
    }
  });
  it("is a 404 for a student not in the class, or ids that do not exist", async () => {
    expect(await visit("teacher", page(classId, otherStudentId))).toBe("not found");
    expect(await visit("teacher", page(classId, "nobody"))).toBe("not found");
    expect(await visit("teacher", page("x".repeat(5000), studentId))).toBe("not found");
  });
  it("shows the class's teacher the student's submissions", async () => {
    expect(await visit("teacher", page(classId, studentId))).toContain(SECRET_CODE);
  });
});

describe("/sign-in and /sign-up", () => {
  /** The `next` the page hands its form (the form is a client component: not rendered here). */
  function formNext(node: unknown): unknown {
    if (typeof node !== "object" || node === null) return undefined;
    const props = (node as { props?: { mode?: unknown; next?: unknown; children?: unknown } }).props;
    if (props?.mode !== undefined) return props.next;
    const children = Array.isArray(props?.children) ? props.children : [props?.children];
    for (const child of children) {
      const found = formNext(child);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  it("return only to paths on this site, whatever `next` says", async () => {
    for (const Page of [SignIn, SignUp]) {
      const next = async (value: string | string[]) =>
        formNext(await Page({ searchParams: Promise.resolve({ next: value }) }));
      expect(await next("/teach/abc")).toBe("/teach/abc");
      for (const hostile of ["https://evil.example", "//evil.example", "/\\evil.example", ["/a", "/b"]]) {
        expect(await next(hostile)).toBe("/");
      }
    }
  });
});
