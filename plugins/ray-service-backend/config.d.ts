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

export interface Config {
  /** Configuration of the Ray as a Service plugins. */
  rayService?: {
    /**
     * Identity of this portal on its host clusters (default `default`): a
     * DNS-1123 label of at most 20 characters, e.g. `staging` or `prod`.
     * Every object the portal plans carries it as the label
     * `ray-service.io/instance`, and the reconciler only sees, prunes and
     * tears down objects with its own instance. Give each portal that shares
     * a host cluster (e.g. staging and production Backstage) its own
     * instance. Changing it on a running portal relabels what its tenants'
     * plans hold, but leaves behind, unmanaged, the old instance's objects
     * it would have pruned or torn down (see docs/tenants.md).
     */
    instance?: string;
    /**
     * Host Kubernetes clusters that tenants run on. Credentials live here and
     * only here: they are never stored in the database nor returned by the API.
     */
    hostClusters?: Array<{
      /** Unique DNS-1123 name of the cluster, e.g. `gpu-east-1`. */
      name: string;
      /** Human-friendly title shown in the portal. */
      title?: string;
      /**
       * API server URL. Required for `serviceAccountToken`; optional for
       * `kubeconfig` and `inCluster`, which bring their own.
       */
      url?: string;
      /**
       * Base64-encoded PEM CA bundle of the API server (as in a kubeconfig's
       * `certificate-authority-data`).
       */
      caData?: string;
      /** Skip TLS verification. Never do this in production. */
      skipTLSVerify?: boolean;
      /**
       * cert-manager ClusterIssuer that signs the certificates of tenant
       * dashboards (templates with `security.tls`). Preflight checks that it
       * exists and is Ready.
       */
      clusterIssuer?: string;
      /**
       * DNS domain of tenant dashboards: tenant `alpha` is reached at
       * `alpha.<baseDomain>`, e.g. `ray.example.com`.
       */
      baseDomain?: string;
      /**
       * CIDRs of the API server endpoints (e.g. the control-plane node IPs,
       * `10.0.0.10/32`). The tenants' network policies then limit traffic to
       * and from the API server to them; without, egress on 443/6443 goes to
       * any address.
       */
      apiServerCidrs?: string[];
      /**
       * How the backend reaches the API of a tenant's vcluster (isolation
       * `vcluster`), e.g. to check that its KubeRay operator is ready.
       * `clusterDns` (default): through the kubeconfig the vcluster exports,
       * whose server is the cluster-internal
       * `https://ray-<t>-vcluster.ray-<t>.svc:443` — only a backend running
       * inside the host cluster reaches it. `ingress`: the vcluster chart
       * creates an Ingress for `vc-<tenant>.<baseDomain>` on the host's
       * ingress class with SSL passthrough (ingress-nginx started with
       * `--enable-ssl-passthrough`), and the kubeconfig points there; requires
       * `baseDomain` and DNS for `*.<baseDomain>` to the ingress controller.
       */
      vclusterApiExposure?: 'clusterDns' | 'ingress';
      /** How the backend authenticates to the API server. */
      auth: {
        /**
         * `serviceAccountToken`: a bearer token (e.g. from an env var);
         * `kubeconfig`: a kubeconfig file and optional context;
         * `inCluster`: the pod's own service account.
         */
        type: 'serviceAccountToken' | 'kubeconfig' | 'inCluster';
        /**
         * Bearer token for `serviceAccountToken`.
         * @visibility secret
         */
        token?: string;
        /** Path of the kubeconfig file for `kubeconfig`. */
        kubeconfigPath?: string;
        /** Context to use from the kubeconfig; its current context when absent. */
        context?: string;
      };
    }>;
    /** Kubernetes versions the platform supports (the support matrix). */
    kubernetesSupport?: {
      /** Oldest supported minor version, e.g. `1.29`. */
      minVersion?: string;
      /** Newest supported minor version, e.g. `1.33`. */
      maxVersion?: string;
    };
    /**
     * The tenant reconcile loop: desired state from the database, observed
     * state from each host cluster, converged by server-side apply.
     */
    reconcile?: {
      /** Run the loop (default true). Off: tenants are stored, nothing is applied. */
      enabled?: boolean;
      /**
       * Period of the scheduled pass over every host cluster, in seconds
       * (default 10). The pass runs on one backend replica at a time.
       * Watching, it is how often the replica that holds the watches looks
       * in the database for tenants changed on other replicas.
       */
      intervalSeconds?: number;
      /** Limit of one scheduled pass, in seconds (default 300). */
      timeoutSeconds?: number;
      /**
       * Polling (`watch: false`): delay of an in-process follow-up pass of a
       * host cluster while some of its tenants have not converged yet, in
       * seconds (default 2; fractions allowed).
       */
      requeueSeconds?: number;
      /**
       * Observe each host cluster by watches — one LIST per kind, then
       * WATCH — instead of a LIST per kind per pass (default true). A change
       * of a managed object (e.g. one edited or deleted by hand) or of a
       * tenant in the database queues that tenant alone for a pass; a tenant
       * that has not converged is retried alone with its own backoff. One
       * backend replica at a time holds the watches (the scheduled task
       * `ray-service-reconcile`, global scope, runs for `resyncMinutes`).
       * The generated RBAC needs `watch` on the reconciled kinds (see the
       * RBAC route's `watch` parameter). false: poll every `intervalSeconds`.
       */
      watch?: boolean;
      /**
       * Watching: how long one replica holds the watches, in minutes
       * (default 10). Then it stops them, the next run of the scheduled
       * task (on any replica) lists every kind afresh and passes over every
       * tenant: a full resync, the safety net against a missed event. A
       * replica that dies holding them is replaced when its task times out
       * (`resyncMinutes` + `timeoutSeconds`).
       */
      resyncMinutes?: number;
      /** Watching: the backoff of a tenant that has not converged. */
      backoff?: {
        /** The first retry's delay, in seconds (default 1); it doubles with each retry in a row. */
        initialSeconds?: number;
        /** The longest delay, in seconds (default 300). */
        maxSeconds?: number;
      };
    };
    /**
     * Finished RayJobs: their final status, timings and the end of their log
     * are kept in the database, so a job whose cluster was shut down still
     * shows them.
     */
    jobHistory?: {
      /** How long a finished job is kept, in days (default 30). */
      retentionDays?: number;
      /**
       * How often unfinished jobs are looked at, in seconds (default 10). The
       * pass runs on one backend replica at a time.
       */
      pollSeconds?: number;
      /** How many lines of a finished job's log are kept (default 1000). */
      logTailLines?: number;
    };
    /**
     * The warm-pool control loop: keeps each warm-pool profile's desired
     * capacity of Ready, unclaimed tenants (see docs/warm-pools.md).
     */
    warmPools?: {
      /** Run the loop (default: when the reconcile loop runs). */
      enabled?: boolean;
      /**
       * Period of the scheduled pass over every pool, in seconds (default
       * 10). The pass runs on one backend replica at a time; claims trigger
       * a pass of their pool at once.
       */
      intervalSeconds?: number;
      /** At most one history sample per pool per this many seconds (default 60). */
      sampleSeconds?: number;
      /** How long pool history (samples, claims, misses) is kept, in days (default 14). */
      retentionDays?: number;
    };
    /** Live Ray data, read from each cluster's Ray dashboard. */
    rayData?: {
      /**
       * How long an answer of a dashboard (jobs, nodes, use, Serve
       * applications) is reused for other requests, in seconds (default 2;
       * 0: every request reaches Ray).
       */
      cacheSeconds?: number;
    };
    /** RayClusters, RayJobs and RayServices in tenants. */
    workloads?: {
      /**
       * How long a tenant's list of one kind (as one Kubernetes LIST answered
       * it) serves its pages and other readers, in seconds (default 2; 0:
       * every list request LISTs). The portal's own changes show at once.
       */
      listCacheSeconds?: number;
    };
    /** How long a reachability check may take, in milliseconds (default 5000). */
    reachabilityTimeoutMs?: number;
    /**
     * Content imported at startup when it is not in the database yet. What
     * exists is never overwritten: after the first import admins change it in
     * the portal. Relative paths start at the backend's working directory
     * (`packages/backend` in this repository).
     */
    bootstrap?: {
      /**
       * Directory of `TenantTemplateVersion` YAML documents (`*.yaml`, `*.yml`;
       * several documents per file allowed), e.g. `../../templates/tenant-versions`.
       */
      templateVersionsDir?: string;
      /**
       * YAML file holding a list of compute profiles (the `POST /profiles`
       * body), e.g. `../../templates/compute-profiles.yaml`.
       */
      profilesFile?: string;
    };
  };
}
