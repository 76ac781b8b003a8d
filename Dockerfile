# syntax=docker/dockerfile:1
# One image for every Wiredesk service; docker-compose.yml picks the service by its command:
#   node dist/apps/<ingest|normalizer|enricher|archive>/src/main.js
ARG NODE_IMAGE=node:20-bookworm-slim

# --- every dependency, for the TypeScript build
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# --- compile apps and libs to dist/ (tsc + tsc-alias rewrites the @wiredesk/* paths to relative ones)
FROM deps AS build
COPY . .
# Files the code reads at run time that tsc does not emit (data lists, JSON schemas, ...) are kept both at their
# source path and next to the compiled code, so either way of locating them works in the image.
RUN npm run build \
  && mkdir -p /assets \
  && find apps libs -type f ! -name '*.ts' -exec cp --parents {} /assets/ \; \
  && cp -R /assets/. dist/

# --- production dependencies only
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- what runs: no compiler, no dev dependencies, not root
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# The drop folder exists in the image owned by `node`, so a fresh named volume mounted there is writable.
RUN mkdir -p /var/lib/wiredesk/drop && chown -R node:node /var/lib/wiredesk
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /assets ./
USER node
# ingest, archive, normalizer (health), enricher (health)
EXPOSE 8080 8081 8082 8083
# Signals: run with an init (compose `init: true`, or `docker run --init`) so SIGTERM reaches node as a child.
CMD ["node", "dist/apps/ingest/src/main.js"]
