import { createServer } from "node:net";

/**
 * A port on 127.0.0.1 that nothing listens on now (the system picks it), for a
 * test that starts a server in another process and must tell it the port.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
