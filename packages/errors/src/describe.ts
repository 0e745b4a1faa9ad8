// Renders a received value for an error message: short, typed, never "[object Object]".
export function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const text = value.length > 80 ? `${value.slice(0, 77)}...` : value;
    return `${JSON.stringify(text)} of type string`;
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return `${String(value)} of type ${typeof value}`;
  }
  if (Array.isArray(value)) return `an array of ${value.length}`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json && json.length <= 80) return `${json} of type object`;
  return `an object with keys ${Object.keys(value as object).slice(0, 6).join(", ")}`;
}
