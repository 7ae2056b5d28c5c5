import { installVitestGrading } from "@interleave/grader/vitest";

installVitestGrading({ submission: process.env.SUBMISSION });
