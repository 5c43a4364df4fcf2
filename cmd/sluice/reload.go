package main

import (
	"log/slog"
	"reflect"
	"strings"
)

// reload applies what can change on a running serve from next, the
// configuration file read again (on SIGHUP): the action thresholds, and
// the operator's state file. It returns what it applied and the sections
// whose changes need a restart.
func (a *app) reload(next *Config, logger *slog.Logger) (applied, restart []string) {
	cur := a.cfg // as started: the engine holds what a reload applied
	if t := next.Actions.thresholds(); t != a.engine.Config().Thresholds {
		if err := a.engine.SetThresholds(t); err != nil {
			logger.Error("reload: actions not applied", "err", err)
		} else {
			applied = append(applied, "actions.degrade/throttle/block")
		}
	}
	if next.Admin.StateFile != "" && next.Admin.StateFile == cur.Admin.StateFile {
		if err := loadOpState(next.Admin.StateFile, a.engine, a.now()); err != nil {
			logger.Error("reload: admin.state_file not read", "err", err)
		} else {
			applied = append(applied, "admin.state_file")
		}
	}
	// every other difference needs a restart: name its section
	cv, nv := reflect.ValueOf(*cur), reflect.ValueOf(*next)
	for i := range cv.NumField() {
		f := cv.Type().Field(i)
		tag, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if tag == "" || tag == "-" || !f.IsExported() {
			continue
		}
		c, n := cv.Field(i).Interface(), nv.Field(i).Interface()
		if tag == "actions" {
			ca, na := c.(ActionsConfig), n.(ActionsConfig)
			ca.Degrade, ca.Throttle, ca.Block = 0, 0, 0
			na.Degrade, na.Throttle, na.Block = 0, 0, 0
			c, n = ca, na
		}
		if !reflect.DeepEqual(c, n) {
			restart = append(restart, tag)
		}
	}
	return applied, restart
}
