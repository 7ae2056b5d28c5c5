export const wrong = "";
