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
/**
 * The plugin's vocabulary on host clusters: the labels and names of what it
 * manages, the kinds a tenant consists of, the Volcano command and the Helm
 * delivery controllers. The bottom layer: it imports nothing of the plugin.
 */

export * from './delivery';
export * from './kinds';
export * from './labels';
export * from './names';
export * from './vcluster';
export * from './vclusterApiExposure';
