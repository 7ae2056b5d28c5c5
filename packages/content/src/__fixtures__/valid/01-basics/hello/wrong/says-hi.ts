export const wrong = "hi";
