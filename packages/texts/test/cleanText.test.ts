import { describe, expect, it } from "vitest";
import { cleanText, isJunkLine, junkPatterns } from "../src/index.ts";

describe("cleanText(raw)", () => {
  it("decodes HTML entities and keeps curly quotes", () => {
    expect(cleanText("Ships &amp; ports, &ldquo;calm&rdquo; seas, &#8364;5")).toBe("Ships & ports, “calm” seas, €5");
  });

  it("leaves ampersands that are not entities alone", () => {
    expect(cleanText("R&D spending at AT&T rose")).toBe("R&D spending at AT&T rose");
  });

  it("repairs entities whose ampersand was lost", () => {
    expect(cleanText("The mayorrsquo;s plan")).toBe("The mayor’s plan");
    // debris of a mangled French word after an English one
    expect(cleanText("a pact which worriedé egrave;t the neighbours.")).toBe("a pact which worried the neighbours.");
  });

  it("does not touch English words that happen to be entity names", () => {
    expect(cleanText("It was not; and sharing; a copy; in time")).toBe("It was not; and sharing; a copy; in time");
  });

  it("normalises Unicode to NFC", () => {
    const decomposed = "Dinh Tie\u0302\u0301n";
    expect(cleanText(decomposed)).toBe("Dinh Tiến");
    expect(cleanText(decomposed)).toHaveLength(decomposed.normalize("NFC").length);
  });

  it("turns no-break and odd spaces into spaces and collapses them within lines", () => {
    expect(cleanText("stood at\u00A0 US$3\u202Fbillion\tin\u2009 May\u200B.")).toBe("stood at US$3 billion in May.");
  });

  it("keeps paragraphs, with at most one blank line between them", () => {
    expect(cleanText("First.\r\n\r\n\r\n\r\nSecond.\nThird.  \n")).toBe("First.\n\nSecond.\nThird.");
  });

  it("removes junk lines, English and French", () => {
    const raw = [
      "Print Friendly, PDF & Email",
      "The fleet grew by 12 ships.",
      "Translate / Dịch",
      "Source link",
      "Leave a Comment",
      "Your email address will not be published. Required fields are marked *",
      "Scroll to Top",
      "Post navigation",
      "Comment:",
      "150% Deposit Bonus up to €2,500",
      "Our file on the fishing season",
      "All rights of reproduction and representation reserved. © (2023) Some Agency",
      "En poursuivant la visite de ce site, vous acceptez l’utilisation de traceurs (cookies).",
      "We use cookies to improve your experience.",
      "source site",
    ].join("\n\n");
    expect(cleanText(raw)).toBe("The fleet grew by 12 ships.");
  });

  it("never drops a sentence that only mentions junk words", () => {
    const sentences = [
      "Readers can leave a comment on the ministry's site until Friday.",
      "The casino offered a 200% deposit bonus, regulators said.",
      "Required fields are marked on the new customs form, officials said.",
      "Cookies made up 3% of the bakery's exports.",
      "Our file on the case was sent to the court.",
    ];
    expect(cleanText(sentences.join("\n"))).toBe(sentences.join("\n"));
  });

  it("keeps its junk patterns as data, each anchored to a whole line", () => {
    expect(junkPatterns.length).toBeGreaterThan(5);
    for (const pattern of junkPatterns) {
      expect(pattern.source.startsWith("^") && pattern.source.endsWith("$")).toBe(true);
    }
    expect(isJunkLine("Scroll to Top")).toBe(true);
    expect(isJunkLine("Scroll to Top of the page, he said.")).toBe(false);
  });
});
