/** The course's modules in teaching order; folder names under exercises/ are their ids. */
export interface ModuleOutline {
  id: string;
  title: string;
  summary: string;
}

export const courseOutline: readonly ModuleOutline[] = [
  {
    id: "01-processes",
    title: "Processes",
    summary: "What a running program is, and why two processes do not share memory.",
  },
  {
    id: "02-threads",
    title: "Threads",
    summary: "Several lines of work inside one process, sharing its memory.",
  },
  {
    id: "03-multithreading",
    title: "Multithreading",
    summary: "Using threads to overlap waiting: downloads, disks and other I/O.",
  },
  {
    id: "04-multiprocessing",
    title: "Multiprocessing",
    summary: "Using processes and cores for CPU-bound work.",
  },
  {
    id: "05-sync-vs-async",
    title: "Sync vs async",
    summary: "Why a slow step need not make the next one wait.",
  },
  { id: "06-async-await", title: "Async and await", summary: "Coroutines, tasks, futures and awaitables." },
  {
    id: "07-gil",
    title: "The GIL",
    summary: "Why CPU-bound threads do not speed up in CPython, and I/O-bound ones do.",
  },
  {
    id: "08-race-conditions",
    title: "Race conditions",
    summary: "When the order of steps changes the answer, and how to find that order.",
  },
  {
    id: "09-synchronization",
    title: "Synchronization",
    summary: "Locks, semaphores, events, conditions and queues.",
  },
  {
    id: "10-deadlocks",
    title: "Deadlocks",
    summary: "Waiting for each other forever, and the rules that prevent it.",
  },
  { id: "11-event-loop", title: "The event loop", summary: "How one thread decides which task runs next." },
  {
    id: "12-asyncio",
    title: "asyncio",
    summary: "The toolbox: tasks, gather, wait, timeouts, queues and TaskGroup.",
  },
  {
    id: "13-asyncio-pitfalls",
    title: "asyncio pitfalls",
    summary: "Blocking calls, forgotten awaits and CPU work on the loop.",
  },
];
