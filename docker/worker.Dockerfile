# POA Desk worker (PDF rendering with Debian's Chromium, webhooks, e-mail). Build from the repository root:
#   docker build -f docker/worker.Dockerfile -t poa-desk-worker .

# ---- build: install everything, compile the server code with Nx ----
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true PUPPETEER_SKIP_DOWNLOAD=1
COPY package.json package-lock.json .npmrc .puppeteerrc.cjs ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx nx run-many -t build --projects=api,worker,web --outputStyle=static

# ---- production dependencies only ----
FROM node:24-bookworm-slim AS prod-deps
WORKDIR /app
ENV PUPPETEER_SKIP_DOWNLOAD=1
COPY package.json package-lock.json .npmrc .puppeteerrc.cjs ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# ---- runtime: Chromium + fonts (Latin, emoji, Chinese/Japanese/Korean), tini as PID 1 ----
FROM node:24-bookworm-slim AS runtime
RUN apt-get update \
  && apt-get install -y --no-install-recommends chromium-headless-shell fonts-liberation fonts-noto-color-emoji fonts-noto-cjk tini ca-certificates \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/data \
    WORKER_HEALTH_PORT=3001 \
    PDF_BROWSER_PATH=/usr/lib/chromium/chromium-headless-shell \
    PUPPETEER_SKIP_DOWNLOAD=1
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY tools/runtime/register-paths.cjs tools/runtime/register-paths.cjs
COPY --from=build /app/dist/server ./dist/server
COPY docker/entrypoint.sh /usr/local/bin/poa-entrypoint
RUN chmod 755 /usr/local/bin/poa-entrypoint && mkdir -p /data && chown node:node /data
USER node
EXPOSE 3001
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.WORKER_HEALTH_PORT || 3001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# tini reaps orphaned Chromium processes, so no zombie survives a crashed render, and forwards SIGTERM.
ENTRYPOINT ["/usr/bin/tini", "--", "poa-entrypoint"]
CMD ["worker"]
