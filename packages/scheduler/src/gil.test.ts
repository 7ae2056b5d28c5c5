import { describe, expect, it } from "vitest";
import { run } from "./runtime";
import { async_ } from "./test-helpers";

describe("the GIL and cores", () => {
  it("makes four threads of 1 s CPU work take 4 virtual seconds", () => {
    const result = run(({ threading, work }) => {
      const burn = async_("burn", function* () {
        yield work(1);
      });
      const ts = [0, 1, 2, 3].map(() => new threading.Thread({ target: burn }));
      for (const t of ts) t.start();
      for (const t of ts) t.join();
    });
    expect(result.status).toBe("ok");
    expect(result.time).toBe(4);
    expect(result.stats.cpu?.[0]?.seconds).toBe(4);
    // They take turns in switch-interval slices, not one after the other.
    const firstSlices = result.trace.filter((e) => e.kind === "gil-acquire").slice(0, 4);
    expect(firstSlices.map((e) => e.thread)).toEqual([
      "Thread-1 (burn)",
      "Thread-2 (burn)",
      "Thread-3 (burn)",
      "Thread-4 (burn)",
    ]);
    expect(firstSlices.map((e) => e.time)).toEqual([0, 0.005, 0.01, 0.015]);
  });

  it("lets a thread that nobody waits for keep the GIL: one slice in the trace, not one per interval", () => {
    const result = run(({ threading, work }) => {
      const burn = async_("burn", function* () {
        yield work(1);
      });
      const t = new threading.Thread({ target: burn });
      t.start();
      t.join();
    });
    expect(result.time).toBe(1);
    expect(result.stats.cpu?.[0]?.seconds).toBe(1);
    const slices = result.trace.filter((e) => e.kind === "gil-acquire" || e.kind === "gil-release");
    expect(slices.map((e) => `${e.time} ${e.kind} ${e.detail}`)).toEqual([
      "0 gil-acquire core 0",
      "1 gil-release ran 1 s on core 0",
    ]);
  });

  it("hands the GIL over at the next interval once another thread wants it", () => {
    const result = run(({ threading, work, time }) => {
      const burn = async_("burn", function* () {
        yield work(0.02);
      });
      const late = async_("late", function* () {
        yield time.sleep(0.012);
        yield work(0.01);
      });
      const ts = [new threading.Thread({ target: burn }), new threading.Thread({ target: late })];
      for (const t of ts) t.start();
      for (const t of ts) t.join();
    });
    const slices = result.trace
      .filter((e) => e.kind === "gil-acquire" || e.kind === "gil-release")
      .map((e) => `${e.time} ${e.thread} ${e.kind === "gil-acquire" ? "takes" : "releases"}`);
    // Alone for 12 ms, Thread-1 runs on; Thread-2 asks at 0.012 and gets the GIL at the end of
    // the interval then running (0.015); then they alternate every 5 ms.
    expect(slices).toEqual([
      "0 Thread-1 (burn) takes",
      "0.015 Thread-1 (burn) releases",
      "0.015 Thread-2 (late) takes",
      "0.02 Thread-2 (late) releases",
      "0.02 Thread-1 (burn) takes",
      "0.025 Thread-1 (burn) releases",
      "0.025 Thread-2 (late) takes",
      "0.03 Thread-2 (late) releases",
    ]);
    expect(result.time).toBeCloseTo(0.03, 9);
  });

  it("makes four threads that mostly sleep take about as long as one", () => {
    const program = (n: number) =>
      run(({ threading, work, time }) => {
        const io = async_("io", function* () {
          for (let i = 0; i < 10; i++) {
            yield work(0.001);
            yield time.sleep(0.1);
          }
        });
        const ts = Array.from({ length: n }, () => new threading.Thread({ target: io }));
        for (const t of ts) t.start();
        for (const t of ts) t.join();
      });
    const one = program(1).time;
    const four = program(4).time;
    expect(one).toBeCloseTo(1.01, 6);
    expect(four).toBeGreaterThanOrEqual(one);
    expect(four).toBeLessThan(one * 1.05);
  });

  it("blocks the main thread in work() and time.sleep() while threads run", () => {
    const result = run(({ threading, work, time, print }) => {
      const burn = async_("burn", function* () {
        yield work(1);
        print("thread done");
      });
      const t = new threading.Thread({ target: burn });
      t.start();
      work(1);
      print("main worked");
      time.sleep(1);
      t.join();
      print("end");
    });
    expect(result.output.map((l) => `${l.time} ${l.text}`)).toEqual([
      "1.995 main worked",
      "2 thread done",
      "2.995 end",
    ]);
  });

  it("honours a custom switch interval", () => {
    const result = run(
      ({ threading, work }) => {
        const burn = async_("burn", function* () {
          yield work(0.1);
        });
        const ts = [0, 1].map(() => new threading.Thread({ target: burn }));
        for (const t of ts) t.start();
        for (const t of ts) t.join();
        return threading.getswitchinterval();
      },
      { threads: { switchInterval: 0.05 } },
    );
    expect(result.value).toBe(0.05);
    expect(result.trace.filter((e) => e.kind === "gil-acquire").length).toBe(4);
  });
});
