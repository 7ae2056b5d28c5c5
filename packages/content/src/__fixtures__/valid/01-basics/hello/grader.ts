export const grader = [];
