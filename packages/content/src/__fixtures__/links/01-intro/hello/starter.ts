export const starter = 1;
