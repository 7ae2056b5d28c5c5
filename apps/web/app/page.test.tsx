import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { courseOutline } from "./course-outline";
import HomePage from "./page";

describe("home page", () => {
  it("shows the course map with all thirteen modules in order", () => {
    const html = renderToStaticMarkup(<HomePage />);
    expect(courseOutline).toHaveLength(13);
    let last = -1;
    for (const module of courseOutline) {
      const at = html.indexOf(`>${module.title}<`);
      expect(at, module.title).toBeGreaterThan(last);
      last = at;
    }
  });
});
