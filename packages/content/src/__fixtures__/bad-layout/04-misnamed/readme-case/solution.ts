export const solution = 1;
