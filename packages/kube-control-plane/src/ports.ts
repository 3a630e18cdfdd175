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
import { once } from 'node:events';

/**
 * `count` distinct free TCP ports on 127.0.0.1: the kernel picks them (port 0), all are held
 * open together so none is handed out twice, then released for the processes to bind.
 */
export async function freeLoopbackPorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => net.createServer());
  try {
    return await Promise.all(
      servers.map(async server => {
        server.listen(0, '127.0.0.1');
        await once(server, 'listening');
        return (server.address() as net.AddressInfo).port;
      }),
    );
  } finally {
    await Promise.all(
      servers.map(
        server =>
          new Promise<void>(resolve =>
            server.listening ? server.close(() => resolve()) : resolve(),
          ),
      ),
    );
  }
}
