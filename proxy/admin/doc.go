// Package admin serves sluice's admin listener: health, readiness,
// Prometheus metrics, the operator's API over the engine's accounts and
// clusters, and the operator page at /ui/.
//
// # Routes
//
//	GET    /healthz, /readyz                  open
//	GET    /metrics                           Prometheus
//	GET    /admin/clusters?sort=score|volume&limit=N
//	GET    /admin/clusters/{id}               members, evidence, links, series
//	PUT    /admin/clusters/{id}/override      {"action":"block","ttl":"1h"}
//	DELETE /admin/clusters/{id}/override
//	GET    /admin/accounts/{id}
//	PUT    /admin/accounts/{id}/allow         DELETE undoes it
//	GET    /admin/config                      secrets redacted
//	GET    /admin/stats
//	GET    /ui/                               the page (no data; open)
//
// Every change is reported to Config.OnEvent, which writes it to the
// decision log as an operator event.
//
// # Security
//
// The admin listener binds loopback by default. When a token is configured
// every route but /healthz, /readyz and the page's static files requires
// "Authorization: Bearer TOKEN" and answers 401 without it; the comparison
// is constant-time. The page asks for the token, keeps it in the tab's
// session storage and sends it as that header. It loads nothing from
// elsewhere (its Content-Security-Policy allows its own origin only).
//
// Nothing served here carries a raw key or prompt text: accounts are keyed
// hashes of credentials and evidence ids are seeded hashes.
//
// # Reports
//
// Report writes the same page as one self-contained HTML file with the
// engine's state embedded; `sluice replay -report FILE.html` uses it:
//
//	err := admin.Report(f, admin.ReportConfig{Engine: eng, Now: lastTS})
package admin
