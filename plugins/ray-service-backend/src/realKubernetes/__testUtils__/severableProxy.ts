/*
 * Copyright 2026 The Ray as a Service for Backstage Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

import net from 'node:net';

/**
 * A TCP proxy on a loopback port in front of an API server, whose
 * connections a test can sever: what a network failure or an API server
 * restart does to a client's open WATCHes. TLS passes through untouched
 * (the serving certificate names 127.0.0.1, whatever the port).
 */
export interface SeverableProxy {
  /** `https://127.0.0.1:<port>`: the API server as its clients reach it through the proxy. */
  url: string;
  /**
   * Destroys every open connection and refuses new ones until `reconnect()`:
   * the network is down. Resolves with how many connections it severed.
   */
  sever(): number;
  /** Accepts and forwards connections again. */
  reconnect(): void;
  close(): Promise<void>;
}

export async function startSeverableProxy(
  target: string,
): Promise<SeverableProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<net.Socket>();
  let severed = false;
  const track = (socket: net.Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = net.createServer(client => {
    if (severed) {
      client.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    track(client);
    track(upstream);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port: proxyPort } = server.address() as net.AddressInfo;
  return {
    url: `https://127.0.0.1:${proxyPort}`,
    sever() {
      severed = true;
      const count = open.size;
      for (const socket of open) {
        socket.resetAndDestroy();
      }
      return count / 2;
    },
    reconnect() {
      severed = false;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of open) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
