import { describe, expect, it } from "vitest";
import { evaluatePreconditions, rangeApplies, strongDate, type Validators } from "../src/preconditions.ts";

const sha = "a".repeat(64);
const validators: Validators = { sha256: sha, lastModified: "Wed, 19 Jun 2024 08:00:00 GMT", strong: true };

describe("evaluatePreconditions(headers, validators)", () => {
  it("answers 304 to a tag of the content in any encoding, weak or not, or *, echoing the client's tag", () => {
    expect(evaluatePreconditions({ "if-none-match": `"${sha}"` }, validators)).toEqual({ status: 304, etag: `"${sha}"` });
    expect(evaluatePreconditions({ "if-none-match": `W/"${sha}-br"` }, validators)).toEqual({ status: 304, etag: `"${sha}-br"` });
    expect(evaluatePreconditions({ "if-none-match": "*" }, validators)).toEqual({ status: 304, etag: `"${sha}"` });
    expect(evaluatePreconditions({ "if-none-match": '"a,b", "other"' }, validators)).toEqual({ status: 200 });
  });

  it("uses If-Modified-Since only without If-None-Match, and only with a strong date", () => {
    const since = { "if-modified-since": "Wed, 19 Jun 2024 08:00:00 GMT" };
    expect(evaluatePreconditions(since, validators).status).toBe(304);
    expect(evaluatePreconditions({ ...since, "if-none-match": '"other"' }, validators).status).toBe(200);
    expect(evaluatePreconditions(since, { ...validators, strong: false }).status).toBe(200);
    expect(evaluatePreconditions({ "if-modified-since": "yesterday" }, validators).status).toBe(200);
  });

  it("fails If-Match unless a strong tag names the content, and If-Unmodified-Since after a later change", () => {
    expect(evaluatePreconditions({ "if-match": `W/"${sha}"` }, validators)).toEqual({ status: 412, header: "If-Match", received: `W/"${sha}"` });
    expect(evaluatePreconditions({ "if-match": `"${sha}-gzip"` }, validators)).toEqual({ status: 200 });
    expect(evaluatePreconditions({ "if-unmodified-since": "Tue, 18 Jun 2024 08:00:00 GMT" }, validators)).toMatchObject({ status: 412, header: "If-Unmodified-Since" });
  });
});

describe("rangeApplies(ifRange, validators)", () => {
  it("honours only the identity tag or the exact strong date", () => {
    expect(rangeApplies(undefined, validators)).toBe(true);
    expect(rangeApplies(`"${sha}"`, validators)).toBe(true);
    expect(rangeApplies(`"${sha}-br"`, validators)).toBe(false);
    expect(rangeApplies(validators.lastModified, validators)).toBe(true);
    expect(rangeApplies(validators.lastModified, { ...validators, strong: false })).toBe(false);
    expect(rangeApplies([`"${sha}"`, `"${sha}"`], validators)).toBe(false);
  });
});

describe("strongDate(lastModified, now)", () => {
  it("is false within the second of the date, or for a date to come", () => {
    const date = "Wed, 19 Jun 2024 08:00:00 GMT";
    expect(strongDate(date, Date.parse("2024-06-19T08:00:00.999Z"))).toBe(false);
    expect(strongDate(date, Date.parse("2024-06-19T08:00:01.000Z"))).toBe(true);
    expect(strongDate(date, Date.parse("2024-06-18T08:00:00Z"))).toBe(false);
  });
});
