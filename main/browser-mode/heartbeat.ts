/**
 * Pings every screen now and then and drops the ones that stopped answering: a tablet that lost
 * its Wi-Fi never closes its socket, and would otherwise keep receiving (and buffering) events.
 * Browsers answer pings by themselves.
 */
import type { WebSocket } from 'ws';

export function startHeartbeat(clients: ReadonlySet<WebSocket>, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>();
  const watched = new WeakSet<WebSocket>();
  const timer = setInterval(() => {
    for (const socket of clients) {
      if (!watched.has(socket)) {
        watched.add(socket);
        socket.on('pong', () => alive.add(socket));
      } else if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
