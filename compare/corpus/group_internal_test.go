package corpus

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSort: the radix sort is a stable sort by key, for keys of
// any width.
func TestRadixSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range []struct {
		name string
		key  func() uint32
	}{
		{"few keys", func() uint32 { return rng.Uint32N(5) }},
		{"32-bit", rng.Uint32},
		{"high bits only", func() uint32 { return rng.Uint32N(4) << 30 }},
		{"middle pass only", func() uint32 { return rng.Uint32N(1<<11) << 11 }},
	} {

		for _, n := range []int{0, 1, 2, 100, 3000} {
			es := make([]lshEntry, n)
			for k := range es {
				es[k] = lshEntry{key: tc.key(), pos: int32(k)}
			}
			want := slices.Clone(es)
			slices.SortStableFunc(want, func(a, b lshEntry) int { return cmp.Compare(a.key, b.key) })
			got := radixSort(es, make([]lshEntry, n))
			if !slices.Equal(got, want) {
				t.Fatalf("%s, n %d: not a stable sort by key", tc.name, n)
			}
		}
	}
}

// TestVocabulary: ids follow the order of the hashes (so sorted word
// lists stay sorted), the weights sum their words' idf, and the common
// words stay out of LSH.
func TestVocabulary(t *testing.T) {
	feats := []Features{
		{Words: []uint64{5, 9, 1 << 60}, Names: []uint64{9}, Probe: []uint64{7}, Day: 4},
		{Words: []uint64{9, 1 << 60}, Story: "explicit"}, // not counted
		{Words: []uint64{3, 9}, Names: []uint64{3, 9}, Probe: []uint64{5}, Day: 2},
	}
	// The layout order (by time) does not change the ids.
	v := newVocabulary(feats, []int{2, 1, 0}, 0.05, 0)
	for i, f := range feats {
		w := v.weights[i]
		if f.Story != "" {
			if w.ids != nil {
				t.Errorf("article %d: explicit story got ids %v", i, w.ids)
			}
			continue
		}
		if !slices.IsSorted(w.ids) || len(w.ids) != len(f.Words) {
			t.Errorf("article %d: ids %v for words %v", i, w.ids, f.Words)
		}
		var total float32
		for _, id := range w.ids {
			total += v.idf[id]
		}
		if total != w.total {
			t.Errorf("article %d: total %v, want %v", i, w.total, total)
		}
	}
	// 3 5 7 9 1<<60 are ids 0..4; 9 is in both grouped articles (idf
	// log(3/2)), 3 in one (log(3/1)); 7 is a probe word only.
	if got := v.weights[2].ids; !slices.Equal(got, []int32{0, 3}) {
		t.Errorf("ids of {3, 9}: %v, want [0 3]", got)
	}
	if a, b := v.weights[0], v.weights[2]; !slices.Equal(a.names, []int32{3}) || !slices.Equal(b.names, []int32{0, 3}) || a.day != 4 || b.day != 2 {
		t.Errorf("names %v and %v, days %d and %d: want [3] and [0 3], 4 and 2", a.names, b.names, a.day, b.day)
	}
	if v.idf[0] <= v.idf[3] || v.idf[2] != 0 {
		t.Errorf("idf %v: a rarer word must weigh more; a probe-only word nothing", v.idf)
	}
	if !v.lsh[3] {
		t.Error("a word below the common threshold left LSH")
	}
}
