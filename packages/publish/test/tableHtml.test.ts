import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { tableHtml } from "../src/index.ts";
import { table } from "./fixtures/syntheticChart.ts";

describe("tableHtml(table, slug)", () => {
  it("is a valid <table> fragment with caption, column and row headers, escaped", async () => {
    const html = tableHtml(table(), "arms");
    const report = await new HtmlValidate({ extends: ["html-validate:recommended"] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(html).toMatch(/^<table class="chart-data" id="chart-data-arms" lang="en-GB">/);
    expect(html).toContain('<caption>Value of arms transferred, US$ million. <span class="chart-data-source">Source: Example Agency</span></caption>');
    expect(html).toContain('<th scope="col" class="chart-data-number">Value of arms transferred</th>');
    expect(html).toContain('<tr><th scope="row">2014</th><td class="chart-data-number">$1000m</td><td>USD million</td>');
    // provenance, escaped
    expect(html).toContain("<td>US$72 million, &quot;final&quot;</td><td>implied</td><td>Year from the sentence, &lt;b&gt;not&lt;/b&gt; stated</td>");
  });
});
