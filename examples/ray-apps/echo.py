# Copyright 2026 The Ray as a Service for Backstage Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

"""A small Ray Serve application: answers what it is sent.

The local Ray head (scripts/ray-head.sh) has this folder on its PYTHONPATH, so
a RayService's Serve config can name it `import_path: echo:app`. A real
cluster gets it from its image or a runtime_env working_dir.
"""

from ray import serve
from starlette.requests import Request


@serve.deployment(ray_actor_options={"num_cpus": 0.1})
class Echo:
    async def __call__(self, request: Request) -> dict:
        return {"echo": (await request.body()).decode() or "hello"}


app = Echo.bind()
