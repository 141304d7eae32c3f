package rules_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/rules"
)

// TestRegistry checks every listed rule is well formed and listed once.
func TestRegistry(t *testing.T) {
	seen := map[string]bool{}
	all := rules.All()
	if len(all) < 15 {
		t.Fatalf("rules.All() lists %d rules", len(all))
	}
	for i, r := range all {
		if err := r.Validate(); err != nil {
			t.Error(err)
		}
		if seen[r.Name] {
			t.Errorf("rule %s listed twice", r.Name)
		}
		seen[r.Name] = true
		if i > 0 && all[i-1].Name >= r.Name {
			t.Errorf("rules.All() not sorted at %s", r.Name)
		}
		if got, err := rules.Get(r.Name); err != nil || got != r {
			t.Errorf("Get(%q) = %v, %v", r.Name, got, err)
		}
	}
	if _, err := rules.Get("no-such-rule"); err == nil {
		t.Error("Get of an unknown rule gave no error")
	}
}
