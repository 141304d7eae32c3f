package corpus

import (
	"strings"
	"sync"
)

// stringDict is a run's dictionary of the strings that recur across
// articles' claims: pass-1 workers add to it concurrently, pass 2 reads
// it. An ID is the order in which its string was first added, so it
// depends on scheduling; it is only ever read back into its string, and
// never reaches output.
type stringDict struct {
	mu   sync.Mutex
	ids  map[string]uint32
	strs []string
}

// maxDictStrings bounds a dictionary: past it, strings stay in their blocks.
const maxDictStrings = 1 << 22

func newStringDict() *stringDict {
	return &stringDict{ids: make(map[string]uint32, 1024)}
}

// id returns the ID of s, adding a copy of it (s may be a substring of
// an article's text, which the dictionary must not keep), and the copy;
// false when the dictionary is full.
func (d *stringDict) id(s string) (uint32, string, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.ids[s]; ok {
		return id, d.strs[id], true
	}
	if len(d.strs) >= maxDictStrings {
		return 0, "", false
	}
	s = strings.Clone(s)
	id := uint32(len(d.strs))
	d.strs = append(d.strs, s)
	d.ids[s] = id
	return id, s, true
}

// strings returns the strings added so far, by ID. The slice is never
// written again below its length, so it may be read without the lock.
func (d *stringDict) strings() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.strs[:len(d.strs):len(d.strs)]
}
