# pyramid serve in a container: built in one stage, run from a small
# Debian image as an unprivileged user, the database on the /data volume.
#
#   docker build -t pyramid .
#   docker run -d -p 127.0.0.1:8080:8080 -v pyramid-data:/data --name pyramid pyramid
#   docker logs pyramid        # the campaigns' links and the admin link
#
# Put a TLS reverse proxy in front (see the README); the traffic this
# serves is plain HTTP.

FROM rust:1-slim AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
 && strip target/release/pyramid

FROM debian:stable-slim
RUN useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin pyramid \
 && mkdir -p /data \
 && chown pyramid:pyramid /data
COPY --from=build /src/target/release/pyramid /usr/local/bin/pyramid
USER pyramid
VOLUME /data
EXPOSE 8080
ENV PYRAMID_LANG=nl
# The health check asks /healthz with bash alone (no curl in the image).
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# SIGTERM (docker stop) lets the requests in flight finish and leaves
# every answer in the file.
STOPSIGNAL SIGTERM
CMD ["pyramid", "serve", "--bind", "0.0.0.0:8080", "--db", "/data/pyramid.sqlite", "--admin-token-file", "/data/admin-token"]
