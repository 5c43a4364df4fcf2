package admin

import (
	"embed"
	"io/fs"
	"net/http"
)

// uiFiles is the operator page: plain HTML, CSS and JavaScript, embedded so
// the binary serves it offline with no build step.
//
//go:embed ui/index.html ui/style.css ui/app.js
var uiFiles embed.FS

// uiCSP keeps the page on its own origin: it loads its own script and style
// and fetches the admin API next to it, nothing else.
const uiCSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
	"base-uri 'none'; frame-ancestors 'none'"

// uiHandler serves the page at /ui/. The page holds no data and is served
// without the token; it asks for the token and sends it on its API calls.
func uiHandler() http.Handler {
	sub, err := fs.Sub(uiFiles, "ui")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.StripPrefix("/ui/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", uiCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
