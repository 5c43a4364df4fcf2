package admin

import (
	"encoding/json"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5"

	"github.com/sluicehq/sluice/limiter"
)

func (s *server) routes(r chi.Router) {
	r.Get("/admin/stats", s.stats)
	r.Get("/admin/config", s.config)
	r.Get("/admin/clusters", s.clusters)
	r.Get("/admin/clusters/{id}", s.cluster)
	r.Put("/admin/accounts/{id}/allow", s.allowList(true))
	r.Delete("/admin/accounts/{id}/allow", s.allowList(false))
	r.Get("/admin/accounts/{id}", s.account)
	r.Put("/admin/clusters/{id}/override", s.override)
	r.Delete("/admin/clusters/{id}/override", s.clearOverride)
	r.Get("/admin/overrides", s.overrides)
	r.Get("/admin/allow", s.allowListed)
	r.Get("/admin/allowlist", s.allowListed)
	r.Post("/admin/reload", s.reload)
	r.Post("/admin/accounts/lookup", s.lookup)
}

// overrides lists the operator overrides in force.
func (s *server) overrides(w http.ResponseWriter, _ *http.Request) {
	type view struct {
		Cluster string    `json:"cluster"`
		Action  string    `json:"action"`
		Until   time.Time `json:"until"`
	}
	list := s.cfg.Engine.Overrides(s.cfg.Now())
	out := make([]view, len(list))
	for i, o := range list {
		out[i] = view{o.Cluster.String(), o.Action.String(), o.Until.UTC()}
	}
	writeJSON(w, http.StatusOK, map[string]any{"overrides": out})
}

// allowListed lists the allow-listed accounts.
func (s *server) allowListed(w http.ResponseWriter, _ *http.Request) {
	list := s.cfg.Engine.AllowListedAccounts()
	out := make([]string, len(list))
	for i, a := range list {
		out[i] = a.String()
	}
	writeJSON(w, http.StatusOK, map[string]any{"accounts": out})
}

// lookup turns an API key into its account id, the id the decision log
// and these pages use. The key is neither logged nor kept.
func (s *server) lookup(w http.ResponseWriter, r *http.Request) {
	if s.cfg.AccountOf == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no identity to look keys up with"})
		return
	}
	var req struct {
		Key string `json:"key"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8192))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil || req.Key == "" {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "body must be {\"key\":\"the API key\"}"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"id": s.cfg.AccountOf(req.Key).String()})
}

func (s *server) stats(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.cfg.Engine.Stats())
}

func parseID(w http.ResponseWriter, r *http.Request, prefix byte) (uint64, bool) {
	p, v, ok := limiter.ParseID(chi.URLParam(r, "id"))
	if !ok || p != prefix {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "id must look like " + string(prefix) + "_0123456789abcdef"})
		return 0, false
	}
	return v, true
}

func (s *server) config(w http.ResponseWriter, _ *http.Request) {
	if s.cfg.Effective == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no configuration to show"})
		return
	}
	writeJSON(w, http.StatusOK, s.cfg.Effective)
}

// maxLimit bounds the clusters listed at once.
const maxLimit = 500

func (s *server) clusters(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	sortBy := q.Get("sort")
	switch sortBy {
	case "":
		sortBy = "score"
	case "score", "volume":
	default:
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "sort must be score or volume"})
		return
	}
	limit := 20
	if l := q.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxLimit {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "limit must be within 1.." + strconv.Itoa(maxLimit)})
			return
		}
		limit = n
	}
	now := s.cfg.Now()
	writeJSON(w, http.StatusOK, map[string]any{"now": now.UTC(), "sort": sortBy, "clusters": clusters(s.cfg.Engine, now, sortBy, limit)})
}

func (s *server) cluster(w http.ResponseWriter, r *http.Request) {
	v, ok := parseID(w, r, 'c')
	if !ok {
		return
	}
	d, ok := s.cfg.Engine.Cluster(s.cfg.Now(), limiter.ClusterID(v))
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such cluster (a cluster of one account is listed under /admin/accounts/{id})"})
		return
	}
	writeJSON(w, http.StatusOK, newClusterDetailView(&d, s.cfg.Engine.AllowListed))
}

func (s *server) account(w http.ResponseWriter, r *http.Request) {
	v, ok := parseID(w, r, 'a')
	if !ok {
		return
	}
	a := limiter.AccountID(v)
	ai, known := s.cfg.Engine.Account(s.cfg.Now(), a)
	ai.ID = a
	writeJSON(w, http.StatusOK, newAccountView(ai, known))
}

func (s *server) allowList(on bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, ok := parseID(w, r, 'a')
		if !ok {
			return
		}
		a := limiter.AccountID(v)
		s.cfg.Engine.AllowList(a, on)
		ev := "allow_list_add"
		if !on {
			ev = "allow_list_remove"
		}
		if s.cfg.OnEvent != nil {
			// the event names the account's cluster, so the log links them
			ai, _ := s.cfg.Engine.Account(s.cfg.Now(), a)
			s.cfg.OnEvent(ev, "", a, ai.Cluster)
		}
		writeJSON(w, http.StatusOK, map[string]any{"id": a.String(), "allow_listed": on})
	}
}

// maxTTL bounds an override: an operator renews it rather than forgets it.
const maxTTL = 30 * 24 * time.Hour

type overrideReq struct {
	Action string `json:"action"`
	// TTL is how long the override holds, e.g. "1h". Default 1h.
	TTL string `json:"ttl"`
	// Force sets an override on a cluster id the engine does not know
	// (yet): without it such an id is refused, as a typo would be.
	Force bool `json:"force"`
}

func (s *server) override(w http.ResponseWriter, r *http.Request) {
	v, ok := parseID(w, r, 'c')
	if !ok {
		return
	}
	var req overrideReq
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 4096))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "body must be {\"action\":\"allow|degrade|throttle|block\",\"ttl\":\"1h\"}"})
		return
	}
	act, ok := limiter.ParseAction(req.Action)
	if !ok || act == limiter.ActionError {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "action must be allow, degrade, throttle or block"})
		return
	}
	ttl := time.Hour
	if req.TTL != "" {
		d, err := time.ParseDuration(req.TTL)
		if err != nil || d <= 0 || d > maxTTL {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "ttl must be a duration within 1s..720h, such as 30m"})
			return
		}
		ttl = d
	}
	c := limiter.ClusterID(v)
	now := s.cfg.Now()
	if !req.Force {
		_, linked := s.cfg.Engine.Cluster(now, c)
		_, single := s.cfg.Engine.Account(now, limiter.AccountID(c)) // a cluster of one account
		if !linked && !single {
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such cluster or account; add \"force\":true to set the override anyway"})
			return
		}
	}
	until := now.Add(ttl)
	s.cfg.Engine.Override(c, act, until)
	if s.cfg.OnEvent != nil {
		s.cfg.OnEvent("override_set", act.String()+" until "+until.UTC().Format(time.RFC3339), 0, c)
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": c.String(), "action": act.String(), "until": until.UTC()})
}

func (s *server) clearOverride(w http.ResponseWriter, r *http.Request) {
	v, ok := parseID(w, r, 'c')
	if !ok {
		return
	}
	c := limiter.ClusterID(v)
	s.cfg.Engine.Override(c, 0, time.Time{})
	if s.cfg.OnEvent != nil {
		s.cfg.OnEvent("override_clear", "", 0, c)
	}
	writeJSON(w, http.StatusOK, map[string]any{"id": c.String(), "override": nil})
}

// reload reads the configuration again, as SIGHUP does.
func (s *server) reload(w http.ResponseWriter, _ *http.Request) {
	if s.cfg.Reload == nil {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no configuration file to reload"})
		return
	}
	applied, restart, err := s.cfg.Reload()
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	if applied == nil {
		applied = []string{}
	}
	if restart == nil {
		restart = []string{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"applied": applied, "need_restart": restart})
}
