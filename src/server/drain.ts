// Stopping without dropping a request. Deployments stop a service with SIGTERM (systemd, a Kubernetes
// rolling update) while corporations' systems are calling it, and a batch of 1,000 evaluations takes about
// half a second. So a stop first stops accepting connections, then finishes every request already received,
// answering with `Connection: close`, and closes each connection once its answer is out. Only what still
// runs when the grace period ends is cut off.
import type { Server, ServerResponse } from 'node:http';

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
  let draining = false;
  // Before the app's own listener, so that the header is set before the app answers.
  server.prependListener('request', (_req, res) => {
    answering.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      answering.delete(res);
      // An answer begun before the stop went out without the header: close its connection now it is idle.
      if (draining) server.closeIdleConnections();
    });
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
    // close() stops listening and closes the idle keep-alive connections (not those with an answer
    // under way); the callback comes when the last connection has closed.
    server.close(() => {
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
