# POA Desk API (also serves the web app). Build from the repository root:
#   docker build -f docker/api.Dockerfile -t poa-desk-api .
# Commands (docker/entrypoint.sh): api (default), migrate, seed.

# ---- build: install everything, compile api + worker + web with Nx ----
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

# ---- runtime ----
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data \
    WEB_DIST_DIR=/app/dist/apps/web
WORKDIR /app
COPY --from=prod-deps /app/node_modules ./node_modules
COPY package.json ./
COPY tools/runtime/register-paths.cjs tools/runtime/register-paths.cjs
COPY --from=build /app/dist/server ./dist/server
COPY --from=build /app/dist/apps/web ./dist/apps/web
COPY docker/entrypoint.sh /usr/local/bin/poa-entrypoint
RUN chmod 755 /usr/local/bin/poa-entrypoint && mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
ENTRYPOINT ["poa-entrypoint"]
CMD ["api"]
