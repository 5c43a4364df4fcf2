// Command stub runs the stub model API (both dialects, streaming and not)
// on a local address, for manual tests and the load harness.
package main

import (
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/sluicehq/sluice/internal/stub"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:18081", "listen address")
	latency := flag.Duration("latency", 0, "delay before each response")
	eventDelay := flag.Duration("event-delay", 0, "delay between streamed events")
	words := flag.Int("words", 24, "answer length in words")
	flag.Parse()
	srv := &http.Server{Addr: *listen, Handler: stub.New(stub.Config{Latency: *latency, EventDelay: *eventDelay, Words: *words}), ReadHeaderTimeout: 10 * time.Second}
	log.Printf("stub model API on %s", *listen)
	log.Fatal(srv.ListenAndServe())
}
