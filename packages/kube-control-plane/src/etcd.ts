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

/** A POST to etcd's v3 HTTP gateway (JSON, keys and values in base64). */
async function etcdPost<T>(etcdUrl: string, path: string, body: object) {
  const response = await fetch(`${etcdUrl}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new Error(`etcd ${path}: HTTP ${response.status} ${text}`);
  }
  return JSON.parse(text) as T;
}

interface EtcdHeader {
  header: { revision: string };
}

/** Compacts etcd's history (physically) up to its current revision; resolves with it. */
export async function compactEtcd(etcdUrl: string): Promise<number> {
  // a range of any key answers the store's current revision in its header
  const { header } = await etcdPost<EtcdHeader>(etcdUrl, '/v3/kv/range', {
    key: Buffer.from('/').toString('base64'),
  });
  await etcdPost(etcdUrl, '/v3/kv/compaction', {
    revision: header.revision,
    physical: true,
  });
  return Number(header.revision);
}
