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

import { Router } from 'express';
import { createRouter, RouterDeps } from '../router';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function routesOf(stack: Layer[]): string[] {
  return stack.flatMap(layer => {
    if (layer.route) {
      const { path, methods } = layer.route;
      // `_all`: the 405 answers for methods a path does not declare.
      return Object.keys(methods)
        .filter(method => method !== '_all')
        .map(method => `${method.toUpperCase()} ${path}`);
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });
}

/**
 * Every `METHOD /path` the plugin's router serves, in OpenAPI's notation
 * (`/templates/{name}@{version}`), read from express' router stack.
 */
export function registeredRoutes(): string[] {
  // Routes are registered without touching their dependencies.
  const router = createRouter({} as RouterDeps) as Router & { stack: Layer[] };
  return routesOf(router.stack)
    .map(route => route.replace(/:(\w+)/g, '{$1}'))
    .sort();
}
