import { message } from "@charts/errors";
import type { SceneAxis } from "@charts/render";
import { isContinuous, isVertical } from "../axes.ts";
import type { Problem, Rule } from "../types.ts";

const OPPOSITE: Record<SceneAxis["orient"], SceneAxis["orient"]> = { left: "right", right: "left", top: "bottom", bottom: "top" };

/**
 * dual-axis: two continuous axes on opposite sides of one plot with scales of
 * their own (a layer with `resolve: {scale: {y: "independent"}}`): where the
 * lines cross depends on two choices of scale, not on the data.
 */
export const dualAxis: Rule = {
  name: "dual-axis",
  summary: "two value scales on opposite sides of one plot",
  severity: "warning",
  options: {},
  scope: "variant",
  check(variant) {
    const axes = variant.scene.axes.filter(isContinuous);
    const problems: Problem[] = [];
    for (const axis of axes) {
      if (axis.orient !== "left" && axis.orient !== "bottom") continue;
      const span = (a: SceneAxis): [number, number] => (isVertical(a) ? [a.y1, a.y2] : [a.x1, a.x2]);
      const twin = axes.find((other) => {
        if (other.orient !== OPPOSITE[axis.orient] || other.scale === axis.scale) return false;
        const [[a1, a2], [b1, b2]] = [span(axis), span(other)];
        // the same panel: the two axes run along most of each other
        return Math.min(a2, b2) - Math.max(a1, b1) > 0.5 * Math.min(a2 - a1, b2 - b1);
      });
      if (!twin) continue;
      const name = (a: SceneAxis) => `the ${a.orient} axis (${a.scale})`;
      problems.push({
        element: `${name(axis)} and ${name(twin)}`,
        measured: "two scales",
        threshold: "one value scale per direction",
        message: message.dualAxis(name(axis), name(twin)),
      });
    }
    return problems;
  },
};
