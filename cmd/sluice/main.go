// Command sluice is the distillation guard for model APIs: a reverse proxy
// (serve), an offline replay of recorded traffic (replay), a self-contained
// demonstration (demo) and its version (version).
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
