// Stopping without dropping a request. Deployments stop a service with SIGTERM (systemd, a Kubernetes
// rolling update) while corporations' systems are calling it, and a batch of 1,000 evaluations takes about
// half a second. So a stop first stops accepting connections, then finishes every request already received,
// answering with `Connection: close`, and closes each connection once its answer is out. Only what still
// runs when the grace period ends is cut off.
import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';

export interface Drainable {
  /** Requests received and not yet answered. */
  inFlight(): number;
  /**
   * Stops as above; resolves once every connection is closed, with how many requests were cut off. A
   * second call (a second Ctrl-C) cuts off what is left at once.
   */
  drain(graceMs: number): Promise<{ cutOff: number }>;
}

export function drainable(server: Server): Drainable {
  const answering = new Set<ServerResponse>();
  // Connections that have sent a request (and keep-alive ones between requests): those that never sent
  // one are closed at the stop, so a socket that says nothing cannot hold it for the grace period.
  const spoke = new WeakSet<Socket>();
  const open = new Set<Socket>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  // Before the app's own listener, so that the header is set before the app answers.
  server.prependListener('request', (req, res) => {
    answering.add(res);
    spoke.add(req.socket);
    if (draining) res.setHeader('Connection', 'close');
    // An answer begun before the stop went out without the header: once all of it is handed to the
    // system, end its connection gracefully (the rest is still sent), never destroy it mid-answer.
    res.once('finish', () => {
      if (draining) res.socket?.end();
    });
    res.once('close', () => answering.delete(res));
  });

  let stopped: Promise<{ cutOff: number }> | undefined;
  const cutOff = new Set<ServerResponse>();
  const cut = () => {
    for (const res of answering) cutOff.add(res);
    server.closeAllConnections();
  };
  const drain = (graceMs: number) => new Promise<{ cutOff: number }>((resolve) => {
    draining = true;
    for (const res of answering) if (!res.headersSent) res.setHeader('Connection', 'close');
    const deadline = setTimeout(cut, graceMs);
    const busy = new Set([...answering].map((res) => res.socket));
    for (const socket of open) {
      // Silent: never sent a request. Idle: between requests, though an answer may still be flushing, so
      // it is ended (what is written is still sent), never destroyed. Busy: ended once its answer is out.
      if (!spoke.has(socket)) socket.destroy();
      else if (!busy.has(socket)) socket.end();
    }
    // Stops listening; the callback comes when the last connection has closed. Not http's close(), which
    // destroys every connection it deems idle, also one whose answer is still in the socket's buffers.
    NetServer.prototype.close.call(server, () => {
      clearTimeout(deadline);
      resolve({ cutOff: cutOff.size });
    });
  });

  return {
    inFlight: () => answering.size,
    drain: (graceMs) => {
      if (stopped) cut();
      return (stopped ??= drain(graceMs));
    },
  };
}
