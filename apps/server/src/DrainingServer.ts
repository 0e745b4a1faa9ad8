// An http.Server whose close() drains: it stops accepting connections, closes
// the idle ones, lets every response in flight reach the client whole, then
// closes each connection as its response is done, and after `drainTimeout` ms
// closes whatever is left.
//
// Node's own close() cannot do this. It calls closeIdleConnections(), which
// destroys a socket once its response has called end() (`res.finished`), even
// while most of a large body is still queued for a slow reader: a download in
// flight is cut. So this class keeps its own count of the responses not yet
// flushed on each socket (public events only: 'connection', 'request', the
// response's 'close') and overrides closeIdleConnections(), which Node's
// close() and fastify's both call, to spare those sockets. test/main.test.ts
// downloads a large file slowly through a SIGTERM: it fails if an upgrade of
// Node changes this.
import { Server, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface DrainingServerEvents {
  /** Emitted when the drain bound is reached, with the number of connections it then closes. */
  drainTimeout: [open: number];
}

export class DrainingServer extends Server {
  /** Responses not yet flushed, per socket (pipelined requests queue several on one socket). */
  readonly #inFlight = new Map<Socket, Set<ServerResponse>>();
  readonly #sockets = new Set<Socket>();
  readonly #drainTimeout: number;
  #closing = false;

  /** `drainTimeout`: milliseconds close() waits for responses in flight before it closes their connections (0: no bound). */
  constructor(options: ServerOptions, listener: RequestListener, drainTimeout: number) {
    super(options);
    this.#drainTimeout = drainTimeout;
    this.on("connection", (socket: Socket) => {
      this.#sockets.add(socket);
      socket.once("close", () => {
        this.#sockets.delete(socket);
        this.#inFlight.delete(socket);
      });
    });
    // Before the listener, so a response is counted before anything can end it.
    this.on("request", (request: IncomingMessage, response: ServerResponse) => this.#track(request.socket, response));
    this.on("request", listener);
  }

  /** Whether a response is being written on this socket (another write would corrupt it). */
  answering(socket: Socket): boolean {
    return this.#inFlight.has(socket);
  }

  /** Closes the connections that have no response in flight; a response being flushed keeps its connection. */
  override closeIdleConnections(): void {
    for (const socket of this.#sockets) if (!this.#inFlight.has(socket)) socket.destroy();
  }

  override close(callback?: (error?: Error) => void): this {
    if (!this.#closing) {
      this.#closing = true;
      // Responses not started yet say they are the last on their connection.
      for (const responses of this.#inFlight.values()) {
        for (const response of responses) if (!response.headersSent) response.setHeader("Connection", "close");
      }
      if (this.#drainTimeout > 0) {
        const bound = setTimeout(() => {
          if (this.#sockets.size === 0) return;
          this.emit("drainTimeout", this.#sockets.size);
          this.closeAllConnections();
        }, this.#drainTimeout);
        bound.unref();
        this.once("close", () => clearTimeout(bound));
      }
    }
    // Node's close() stops listening, calls closeIdleConnections() (ours), and
    // calls back once every connection has ended.
    return super.close(callback);
  }

  #track(socket: Socket, response: ServerResponse): void {
    let responses = this.#inFlight.get(socket);
    if (!responses) this.#inFlight.set(socket, (responses = new Set()));
    responses.add(response);
    // A request that arrives on an open connection while draining is answered, then the connection closes.
    if (this.#closing) response.setHeader("Connection", "close");
    // 'close' follows 'finish' (the last byte handed to the kernel), or the socket's end.
    response.once("close", () => {
      responses.delete(response);
      if (responses.size > 0) return;
      this.#inFlight.delete(socket);
      // A response begun before the drain said keep-alive: end its connection now that it is whole.
      if (this.#closing && !socket.destroyed) socket.end();
    });
  }
}
