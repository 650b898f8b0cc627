# The service on Node 24, an LTS line that CI runs the test suite on (.ci/suite-on-node), and
# Debian 12 slim. Not Alpine: the KurrentDB client's native bridge (@kurrent/bridge, a Node-API
# addon) does ship musl builds (linux-x64-musl, linux-arm64-musl) beside its glibc ones, but CI
# compiles and runs better-sqlite3, and loads the bridge, only on glibc, on Debian 12 as here; on
# musl the SQLite binding would be compiled against another C library and neither would be tested.
FROM node:24-bookworm-slim AS build
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# the SQLite binding is compiled from source against this image's own Node, as CI compiles it for
# each line, not downloaded prebuilt: the headers it is built with decide whether it runs (built with
# Node 24.19 to 24.21's, better-sqlite3 12 aborts the process when a statement is garbage-collected)
ENV npm_config_build_from_source=better-sqlite3
COPY package.json package-lock.json ./
# the workspace packages' manifests first, so the install layer is reused while only code changes
COPY libs/domain/package.json libs/domain/
COPY libs/store/package.json libs/store/
COPY libs/contracts/package.json libs/contracts/
COPY libs/config/package.json libs/config/
COPY libs/projections/package.json libs/projections/
COPY libs/views/package.json libs/views/
COPY libs/replay/package.json libs/replay/
COPY libs/application/package.json libs/application/
COPY libs/synthetic/package.json libs/synthetic/
COPY libs/testing/package.json libs/testing/
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json tsconfig.build.json ./
COPY apps apps
COPY libs libs
RUN npm run build && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
# node_modules/@timeline/* link to these packages; each runs from its own dist/
COPY --from=build /app/libs libs
COPY package.json ./
COPY events events
# the data folder (API keys' hashes, the views' snapshot) is a volume the service writes as node
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
# the young generation the service is measured with (README, "The young generation")
CMD ["node", "--max-semi-space-size=128", "dist/apps/api/src/main.js"]
