package extract

// wordTable maps lower-case words to what extraction knows of them. It is
// an open-addressing hash table, read-only once built: tokenising looks
// every token up once, and most tokens are not in it, which a probe of
// the compact slot array usually tells without touching the words.
type wordTable struct {
	slots []wordSlot // a power of two long, at most a quarter full
	words []wordEntry
	// maxLen is the length of the longest word: longer tokens miss.
	maxLen int
}

type wordSlot struct {
	tag uint32 // high bits of the hash, never 0 in a used slot
	idx int32  // into words
}

type wordEntry struct {
	word string
	val  vocabWord
}

func newWordTable(m map[string]vocabWord) *wordTable {
	n := 16
	for n < 4*len(m) {
		n *= 2
	}
	t := &wordTable{slots: make([]wordSlot, n), words: make([]wordEntry, 0, len(m))}
	for w, v := range m {
		t.words = append(t.words, wordEntry{w, v})
		t.maxLen = max(t.maxLen, len(w))
		h := wordHash(w)
		tag := slotTag(h)
		for i := h & uint64(n-1); ; i = (i + 1) & uint64(n-1) {
			if t.slots[i].tag == 0 {
				t.slots[i] = wordSlot{tag, int32(len(t.words) - 1)}
				break
			}
		}
	}
	return t
}

func slotTag(h uint64) uint32 { return uint32(h>>32) | 1 }

// get returns what the table holds for w.
func (t *wordTable) get(w string) (vocabWord, bool) {
	if len(w) > t.maxLen {
		return vocabWord{}, false
	}
	h := wordHash(w)
	tag := slotTag(h)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.tag == 0 {
			return vocabWord{}, false
		}
		if s.tag == tag && t.words[s.idx].word == w {
			return t.words[s.idx].val, true
		}
	}
}

// wordHash hashes a word from its length and its first and last bytes
// (up to eight of each), which tells words apart well enough for a table
// that compares the words anyway, and costs no loop.
func wordHash(w string) uint64 {
	var a, b uint64
	switch n := len(w); {
	case n >= 8:
		a, b = load64(w), load64(w[n-8:])
	case n >= 4:
		a, b = uint64(load32(w)), uint64(load32(w[n-4:]))
	case n > 0:
		a, b = uint64(w[0])|uint64(w[n/2])<<8|uint64(w[n-1])<<16, 0
	}
	h := (a^uint64(len(w)))*0x9e3779b97f4a7c15 ^ b*0xc2b2ae3d27d4eb4f
	return h ^ h>>31
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
