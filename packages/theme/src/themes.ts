import { dark } from "./dark.ts";
import { light } from "./light.ts";
import type { Theme } from "./types.ts";

/** The house themes by name, as a compiled spec records the one it was compiled with (`usermeta.theme`). */
export const themes: Record<Theme["name"], Theme> = { light, dark };
