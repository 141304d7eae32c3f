// Package rules holds crosscheck's checks, one rule per file. All lists
// them explicitly; there is no init-time registration.
package rules

import (
	"fmt"
	"sort"

	"github.com/crosscheck/crosscheck/compare"
)

// All returns every rule, sorted by name.
func All() []*compare.Rule {
	rs := []*compare.Rule{
		Agreement,
		WeekdayMismatch,
		DateMismatch,
		OrdinalMismatch,
		LocationMismatch,
		EventYearMismatch,
		OfficeHolderMismatch,
		OfficeAnachronism,
		AdministrationMismatch,
		AdministrationAnachronism,
		FormerAnachronism,
		EraMismatch,
		HeadlineQuote,
		QuoteMismatch,
		QuoteAttribution,
		QuantityMismatch,
		QuantityDisagreement,
		QuantityUpdate,
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].Name < rs[j].Name })
	return rs
}

// Get returns the rule with the given name.
func Get(name string) (*compare.Rule, error) {
	for _, r := range All() {
		if r.Name == name {
			return r, nil
		}
	}
	return nil, fmt.Errorf("unknown rule %q (see `crosscheck rules`)", name)
}
