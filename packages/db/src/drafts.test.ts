import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDraft, saveDraft } from "./drafts";
import { InvalidError, UnauthenticatedError } from "./errors";
import { backends, makeUser, type TestDatabase } from "./test-support";
import { limits } from "./validation";

describe.each(backends())("drafts on $name", (backend) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await backend.create();
  });
  afterAll(() => t?.drop());

  it("saves, overwrites and reads back the acting user's draft", async () => {
    const alice = await makeUser(t.db);
    expect(await getDraft(t.db, alice, "01-intro/hello")).toBeNull();
    await saveDraft(t.db, alice, { exerciseId: "01-intro/hello", code: "v1" });
    const saved = await saveDraft(t.db, alice, { exerciseId: "01-intro/hello", code: "v2" });
    expect(saved.code).toBe("v2");
    expect(await getDraft(t.db, alice, "01-intro/hello")).toMatchObject({
      code: "v2",
      exerciseId: "01-intro/hello",
    });
  });

  it("keeps each user's drafts their own", async () => {
    const alice = await makeUser(t.db);
    const bob = await makeUser(t.db);
    await saveDraft(t.db, alice, { exerciseId: "01-intro/hello", code: "alice's" });
    expect(await getDraft(t.db, bob, "01-intro/hello")).toBeNull();
    await saveDraft(t.db, bob, { exerciseId: "01-intro/hello", code: "bob's" });
    expect((await getDraft(t.db, alice, "01-intro/hello"))?.code).toBe("alice's");
  });

  it("refuses anonymous callers, bad ids and oversized code, changing nothing", async () => {
    const carol = await makeUser(t.db);
    await saveDraft(t.db, carol, { exerciseId: "01-intro/hello", code: "kept" });
    await expect(saveDraft(t.db, null, { exerciseId: "01-intro/hello", code: "x" })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    await expect(getDraft(t.db, null, "01-intro/hello")).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(
      saveDraft(t.db, carol, { exerciseId: "01-intro/hello", code: "x".repeat(limits.codeChars + 1) }),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(saveDraft(t.db, carol, { exerciseId: "..", code: "x" })).rejects.toBeInstanceOf(
      InvalidError,
    );
    await expect(getDraft(t.db, carol, "a/b/c")).rejects.toBeInstanceOf(InvalidError);
    expect((await getDraft(t.db, carol, "01-intro/hello"))?.code).toBe("kept");
  });
});
