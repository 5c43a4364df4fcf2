package proxy

import (
	"fmt"
	"net/netip"
	"strings"
	"sync"

	"github.com/oschwald/maxminddb-golang/v2"
)

// asnDB reads an operator's ASN database (MaxMind DB format: GeoLite2-ASN,
// or any database whose records carry autonomous_system_number) and tells
// hosting ranges from the rest. A record is hosting when its ASN is one the
// operator lists (identity.hosting_asns), or when the database says so:
// a "type" of "hosting" (as ipinfo's ASN databases do) or a true
// "is_hosting".
//
// A lookup decodes a record once: the result is cached by the record's
// offset in the database, so the cache is bounded by the database's own
// record count, not by client input, and a warm lookup allocates nothing.
type asnDB struct {
	r       *maxminddb.Reader
	hosting map[uint32]bool
	cache   sync.Map // record offset (uintptr) -> asnInfo
}

// asnInfo is what sluice keeps of an ASN record.
type asnInfo struct {
	ASN     uint32
	Hosting bool
}

type asnRecord struct {
	ASN       uint32 `maxminddb:"autonomous_system_number"`
	Type      string `maxminddb:"type"`
	IsHosting bool   `maxminddb:"is_hosting"`
}

func openASN(path string, hosting []uint32) (*asnDB, error) {
	r, err := maxminddb.Open(path)
	if err != nil {
		return nil, fmt.Errorf("identity.asn_db: %w", err)
	}
	if err := r.Verify(); err != nil {
		_ = r.Close()
		return nil, fmt.Errorf("identity.asn_db: %s: %w", path, err)
	}
	db := &asnDB{r: r, hosting: map[uint32]bool{}}
	for _, a := range hosting {
		db.hosting[a] = true
	}
	return db, nil
}

// lookup returns the ASN record of ip (zero when the database has none).
func (db *asnDB) lookup(ip netip.Addr) asnInfo {
	if !ip.IsValid() {
		return asnInfo{}
	}
	res := db.r.Lookup(ip)
	if !res.Found() {
		return asnInfo{}
	}
	off := res.Offset()
	if v, ok := db.cache.Load(off); ok {
		return v.(asnInfo)
	}
	var rec asnRecord
	if err := res.Decode(&rec); err != nil {
		return asnInfo{}
	}
	info := asnInfo{ASN: rec.ASN, Hosting: rec.IsHosting || strings.EqualFold(rec.Type, "hosting") || db.hosting[rec.ASN]}
	db.cache.Store(off, info)
	return info
}
