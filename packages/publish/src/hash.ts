import { createHash } from "node:crypto";

/** Hex SHA-256 of bytes or text (text as UTF-8). */
export function sha256(content: Buffer | string): string {
  return createHash("sha256").update(content).digest("hex");
}

/** The 12 hex digits that name a content: 48 bits, ample for a newsroom's charts. */
export function shortHash(content: Buffer | string): string {
  return sha256(content).slice(0, 12);
}
