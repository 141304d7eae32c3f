package kb

import (
	"slices"
	"testing"
)

// TestFuzzyMemoBounded: once the memo holds maxFuzzyMemo names, new names
// are still resolved, the same way, but no longer remembered.
func TestFuzzyMemoBounded(t *testing.T) {
	k, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	remembered := func(name string) bool {
		_, ok := k.idx.fuzzyMemo.Load(name)
		return ok
	}
	const before, after = "Amir Abdolahian", "Mohammad Javad Zarrif"
	want := k.fuzzyScan(after)
	if len(want) == 0 {
		t.Fatalf("%q: no fuzzy match to compare", after)
	}
	k.fuzzy(before)
	if !remembered(before) {
		t.Fatalf("%q not remembered below the bound", before)
	}
	k.idx.fuzzyMemoLen.Store(maxFuzzyMemo)
	if got := k.fuzzy(after); !slices.Equal(got, want) {
		t.Errorf("past the bound: %v, want %v", got, want)
	}
	if remembered(after) {
		t.Errorf("%q remembered past the bound", after)
	}
	if got := k.fuzzy(before); !remembered(before) || len(got) == 0 {
		t.Errorf("%q: memo lost or no match past the bound", before)
	}
}
