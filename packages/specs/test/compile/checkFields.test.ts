import { describe, expect, it } from "vitest";
import { checkFields } from "../../src/compile/checkFields.ts";
import type { Annotation, ChartDefinition } from "../../src/types.ts";
import { armsChart } from "../fixtures/armsChart.ts";
import { arms, trade } from "../fixtures/datasets.ts";

const F = "charts/arms.chart.json";
const COLUMNS = "expected a column of russia-arms-transfers (year, value_usd_m, status)";

function chart(plot: Record<string, unknown>, annotations: Annotation[] = []): ChartDefinition {
  return { ...armsChart(), plot, annotations };
}
const check = (definition: ChartDefinition) => () => checkFields(definition, arms, F);

describe("checkFields(definition, dataset, file)", () => {
  it("passes a plot whose fields all exist, including derived and provenance ones", () => {
    expect(check(armsChart())).not.toThrow();
    const plot = {
      transform: [
        { calculate: "datum.value_usd_m / 1000", as: "value_usd_bn" },
        { window: [{ op: "rank", as: "rank" }], sort: [{ field: "value_usd_bn", order: "descending" }] },
      ],
      mark: "bar",
      encoding: {
        x: { field: "year", type: "ordinal", sort: { field: "rank" } },
        y: { field: "value_usd_bn", type: "quantitative" },
        opacity: { condition: { test: "datum.status === 'stated'", value: 1 }, value: 0.5 },
        tooltip: [{ field: "year" }, { field: "value_usd_bn" }, { field: "status" }],
      },
    };
    expect(check(chart(plot, [{ type: "label", at: { rank: 1 }, text: "Peak" }]))).not.toThrow();
  });

  it("names the path, the misspelt field and the columns, with a suggestion", () => {
    const plot = { mark: "bar", encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value_usd", type: "quantitative" } } };
    expect(check(chart(plot))).toThrow(
      `${F}, plot.encoding.y.field: ${COLUMNS} but received "value_usd" of type string; did you mean "value_usd_m"?`,
    );
  });

  it("walks layers, tooltip arrays, detail, sort and conditions", () => {
    const layer = (encoding: Record<string, unknown>) => chart({ layer: [{ mark: "bar", encoding: { x: { field: "year" } } }, { mark: "text", encoding }] });
    expect(check(layer({ tooltip: [{ field: "year" }, { field: "value" }] }))).toThrow(
      `${F}, plot.layer[1].encoding.tooltip[1].field: ${COLUMNS} but received "value" of type string`,
    );
    expect(check(layer({ detail: [{ field: "country" }] }))).toThrow(`${F}, plot.layer[1].encoding.detail[0].field: ${COLUMNS} but received "country"`);
    expect(check(layer({ x: { field: "year", sort: { field: "valeu_usd_m", op: "sum" } } }))).toThrow(
      `${F}, plot.layer[1].encoding.x.sort.field: ${COLUMNS} but received "valeu_usd_m" of type string; did you mean "value_usd_m"?`,
    );
    expect(check(layer({ color: { condition: { test: "datum.yeer > 2014", value: "red" }, value: "grey" } }))).toThrow(
      `${F}, plot.layer[1].encoding.color.condition.test: ${COLUMNS} but received "yeer" of type string in "datum.yeer > 2014"; did you mean "year"?`,
    );
  });

  it("reads the fields of transform expressions and predicates", () => {
    expect(check(chart({ transform: [{ filter: "datum['Year'] >= 2014" }], mark: "bar" }))).toThrow(
      `${F}, plot.transform[0].filter: ${COLUMNS} but received "Year" of type string in "datum['Year'] >= 2014"; did you mean "year"?`,
    );
    expect(check(chart({ transform: [{ filter: { field: "yr", oneOf: [2014] } }], mark: "bar" }))).toThrow(
      `${F}, plot.transform[0].filter.field: ${COLUMNS} but received "yr" of type string`,
    );
  });

  it("keeps only groupby and `as` fields after an aggregate", () => {
    const plot = {
      transform: [{ aggregate: [{ op: "sum", field: "value_usd_m", as: "total" }], groupby: ["year"] }],
      mark: "bar",
      encoding: { x: { field: "year", type: "ordinal" }, y: { field: "value_usd_m", type: "quantitative" } },
    };
    expect(check(chart(plot))).toThrow(
      `${F}, plot.encoding.y.field: expected a column of russia-arms-transfers (year) or a field the plot derives (total) but received "value_usd_m" of type string`,
    );
  });

  it("knows the default names fold creates and gives up after a pivot", () => {
    const fold = { transform: [{ fold: ["value_usd_m"] }], mark: "bar", encoding: { x: { field: "key" }, y: { field: "value" } } };
    expect(check(chart(fold))).not.toThrow();
    const pivot = { transform: [{ pivot: "year", value: "value_usd_m" }], mark: "bar", encoding: { x: { field: "2014" } } };
    expect(check(chart(pivot))).not.toThrow();
  });

  it("checks repeat lists, facets and selection fields", () => {
    expect(check(chart({ repeat: ["value_usd_m", "value_usd_bn"], spec: { mark: "bar", encoding: { y: { field: { repeat: "repeat" } } } } }))).toThrow(
      `${F}, plot.repeat[1]: ${COLUMNS} but received "value_usd_bn" of type string`,
    );
    expect(check(chart({ facet: { field: "country" }, spec: { mark: "bar" } }))).toThrow(`${F}, plot.facet.field: ${COLUMNS} but received "country"`);
    expect(check(chart({ mark: "bar", params: [{ name: "pick", select: { type: "point", fields: ["yaer"] } }] }))).toThrow(
      `${F}, plot.params[0].select.fields[0]: ${COLUMNS} but received "yaer" of type string; did you mean "year"?`,
    );
  });

  it("checks the fields annotations name", () => {
    const plot = armsChart().plot;
    expect(check(chart(plot, [{ type: "label", at: { yr: 2014 }, text: "Peak" }]))).toThrow(
      `${F}, annotations[0].at.yr: ${COLUMNS} but received "yr" of type string`,
    );
    expect(check(chart(plot, [{ type: "values" }, { type: "highlight", field: "partner", values: ["Russia"] }]))).toThrow(
      `${F}, annotations[1].field: ${COLUMNS} but received "partner" of type string`,
    );
    expect(() => checkFields(chart(plot, [{ type: "highlight", field: "partner", values: ["Russia"] }]), trade, F)).toThrow(
      `${F}, plot.encoding.y.field: expected a column of trade-by-partner (partner, year, trade_usd_bn, status) but received "value_usd_m" of type string`,
    );
  });
});
