export const solution = "hello";
