import { describe } from "vitest";
import { light } from "../src/light.ts";
import { checkTheme } from "./checkTheme.ts";

describe("light", () => checkTheme(light));
