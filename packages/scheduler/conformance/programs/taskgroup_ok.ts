import { asyncio, print } from "interleave";

type TaskGroup = InstanceType<typeof asyncio.TaskGroup>;
type Task = InstanceType<typeof asyncio.Task>;

async function fetch(name: string, delay: number) {
  await asyncio.sleep(delay);
  print(`fetched ${name}`);
  return name.toUpperCase();
}

async function main() {
  let a: Task | undefined;
  let b: Task | undefined;
  await asyncio.TaskGroup.run(async (tg: TaskGroup) => {
    a = tg.create_task(fetch("a", 1));
    b = tg.create_task(fetch("b", 0.5), { name: "fetch-b" });
    print(`tasks started: ${a.get_name()}, ${b.get_name()}`);
  });
  print(`results ${a!.result()} ${b!.result()} at ${asyncio.get_running_loop().time().toFixed(1)}`);
}

asyncio.run(main());
