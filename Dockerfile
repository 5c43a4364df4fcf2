# syntax=docker/dockerfile:1
# Build stage: a static binary, no cgo.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/sluice ./cmd/sluice

# Final stage: the binary, CA certificates for https upstreams, non-root.
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/sluice /sluice
USER 65532:65532
EXPOSE 8080 9090
ENTRYPOINT ["/sluice"]
CMD ["serve"]
