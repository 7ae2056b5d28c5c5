export const starter = "TODO";
