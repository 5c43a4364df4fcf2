package sim

import "github.com/sluicehq/sluice/internal/tracefmt"

// Record is one trace record, the replay input of docs/contracts.md. Its type and
// serialisation are the shared contract format of internal/tracefmt.
type Record = tracefmt.Record

// Label is the ground truth of one record. Labels go to a separate file so
// that nothing under test can read them.
type Label struct {
	RequestID string `json:"request_id"`
	Class     Class  `json:"class"`
	Campaign  bool   `json:"campaign"`
	Account   string `json:"account"`
}

// Wire returns l as the label line of internal/tracefmt, the one written to a
// labels file.
func (l *Label) Wire() tracefmt.Label {
	return tracefmt.Label{RequestID: l.RequestID, Class: string(l.Class), Campaign: l.Campaign, Account: l.Account}
}
