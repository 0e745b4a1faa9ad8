import { describe, expect, it } from "vitest";
import { LOCALES } from "@charts/numbers";
import { houseWords, sentence } from "../../src/compile/houseWords.ts";

describe("houseWords(locale)", () => {
  it("has every word in every house locale", () => {
    for (const locale of LOCALES) {
      const words = houseWords(locale);
      expect(words.noFigures("2015"), locale).toContain("2015");
      expect(words.noFiguresFor("Russia", "2015"), locale).toMatch(/^Russia\u202f?: .*2015/);
      expect(words.gapLabel.split("\n"), locale).toHaveLength(2);
      expect(words.status("2021", 1, "derived", "note"), locale).toMatch(/^2021.*note$/);
      expect(words.axis("X", "year", "2013", "2023"), locale).toMatch(/X.*2013.*2023/);
    }
  });

  it("says what the reader needs in English, the default", () => {
    const words = houseWords(undefined);
    expect(words.noFigures("2015–2021")).toBe("No figures for 2015–2021 in the sources.");
    expect(words.status("2021", 1, "derived", "twice the 2023 figure")).toBe("2021 is derived: twice the 2023 figure");
    expect(words.status("China and India", 2, "implied", "their year comes from the sentence")).toBe("China and India are implied: their year comes from the sentence");
    expect(words.axis("X", "year", "2013", "2023")).toBe("X-axis: years from 2013 to 2023");
    expect(houseWords("fr-FR").axis("Y", "month", "janv. 2023", "déc. 2023")).toBe("Axe Y\u202f: mois de janv. 2023 à déc. 2023");
  });
});

describe("sentence(text)", () => {
  it("starts with a capital and ends with one full stop", () => {
    expect(sentence("août 2022 : valeur implicite, du programme")).toBe("Août 2022 : valeur implicite, du programme.");
    expect(sentence(" Twice the 2023 figure. ")).toBe("Twice the 2023 figure.");
    expect(sentence("Really?")).toBe("Really?");
  });
});
