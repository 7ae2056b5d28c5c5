export const grader = 1;
