import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InlineCodeText } from "./inline-code-text";

describe("InlineCodeText", () => {
  it("shows backticked spans of a summary as code, without the backticks", () => {
    const html = renderToStaticMarkup(<InlineCodeText text="what `async` creates, what `await` accepts" />);
    expect(html).toMatch(/^what <code[^>]*>async<\/code> creates, what <code[^>]*>await<\/code> accepts$/);
  });

  it("leaves text without backticks, and a lone backtick, as they are", () => {
    expect(renderToStaticMarkup(<InlineCodeText text="plain words" />)).toBe("plain words");
    expect(renderToStaticMarkup(<InlineCodeText text="a ` alone" />)).toBe("a ` alone");
  });
});
