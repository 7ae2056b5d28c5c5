import { check } from "@interleave/grader";

export const checks = [check("prints hello", () => {})];
