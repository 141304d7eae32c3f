package kb

import (
	"io/fs"
	"path"
	"testing"
	"time"
)

// TestConsistency checks the embedded data: every fact sourced, terms
// well-formed and referring to known people and offices, no two holders
// of a single-seat office at once, names unambiguous at any date or marked
// so (see Check).
func TestConsistency(t *testing.T) {
	k := embeddedKB(t)
	for _, p := range k.Check() {
		t.Error(p)
	}
}

// TestConsistentDuplicates checks that a person defined in several files
// has the same birth and death dates in each.
func TestConsistentDuplicates(t *testing.T) {
	entries, err := fs.ReadDir(embedded, "data")
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		pos        string
		born, died time.Time
	}
	people := map[string]seen{}
	for _, e := range entries {
		name := path.Join("data", e.Name())
		if path.Ext(name) != ".yaml" {
			continue
		}
		data, err := fs.ReadFile(embedded, name)
		if err != nil {
			t.Fatal(err)
		}
		pf, err := parseFile(name, data)
		if err != nil {
			t.Fatal(err)
		}
		for i, p := range pf.f.People {
			cur := seen{pf.pos["people"][i], p.Born.t, p.Died.t}
			old, ok := people[p.ID]
			if !ok {
				people[p.ID] = cur
				continue
			}
			if !cur.born.IsZero() && !old.born.IsZero() && !cur.born.Equal(old.born) {
				t.Errorf("%s: %s born %s, but %s at %s", cur.pos, p.ID, day(cur.born), day(old.born), old.pos)
			}
			if !cur.died.IsZero() && !old.died.IsZero() && !cur.died.Equal(old.died) {
				t.Errorf("%s: %s died %s, but %s at %s", cur.pos, p.ID, day(cur.died), day(old.died), old.pos)
			}
		}
	}
}

// TestCoverage pins facts other packages' tests rely on.
func TestCoverage(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ office, at, person string }{
		{"IR/foreign-minister", "2024-06-01", "ali-bagheri-kani"},
		{"IR/foreign-minister", "2022-01-01", "hossein-amir-abdollahian"},
		{"IR/foreign-minister", "2025-04-12", "abbas-araghchi"},
		{"IR/foreign-minister", "2016-01-01", "mohammad-javad-zarif"},
		{"IR/supreme-leader", "2000-01-01", "ali-khamenei"},
		{"OM/foreign-minister", "2025-04-12", "badr-albusaidi"},
		{"US/president", "2018-01-01", "donald-trump"},
		{"US/president", "2022-01-01", "joe-biden"},
		{"US/president", "2025-04-12", "donald-trump"},
		{"US/vice-president", "2010-01-01", "joe-biden"},
		{"US/secretary-of-state", "2015-07-14", "john-kerry"},
		{"US/secretary-of-state", "2021-01-26", "antony-blinken"},
		{"GB/prime-minister", "2022-09-06", "liz-truss"},
		{"GB/prime-minister", "2022-09-05", "boris-johnson"},
	}
	for _, tt := range tests {
		var got []string
		for _, term := range k.Holders(tt.office, mustDate(t, tt.at)) {
			got = append(got, term.Person)
		}
		if len(got) != 1 || got[0] != tt.person {
			t.Errorf("Holders(%s, %s) = %v, want [%s]", tt.office, tt.at, got, tt.person)
		}
	}
}
