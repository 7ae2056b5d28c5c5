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
