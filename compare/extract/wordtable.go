package extract

// wordTable maps lower-case words to what extraction knows of them. It is
// an open-addressing hash table, read-only once built: tokenising looks
// every token up once, most tokens miss, and the table is small and
// contiguous (slots, then entries, then the words end to end), so that a
// lookup touches little memory.
type wordTable struct {
	// short holds the words of up to eight bytes (without a NUL byte),
	// the usual token, each in one slot with its key and value: a lookup
	// reads one slot where the tables below take two reads.
	short      []shortSlot // a power of two long, at most half full
	shortShift uint
	// slots and words hold the longer words.
	slots []wordSlot // a power of two long, at most half full
	words []wordEntry
	keys  string // the words end to end
	// maxLen is the length of the longest word: longer tokens miss.
	maxLen int
	// first marks the bytes some word starts with.
	first [256]bool
}

type wordSlot struct {
	tag uint32 // high bits of the hash, never 0 in a used slot
	idx int32  // into words
}

type wordEntry struct {
	// a and b are the word's bytes wordParts reads, which are all of a
	// word of up to 16 bytes: for one, comparing them compares the words.
	a, b   uint64
	off, n int32 // the word is keys[off:off+n]
	val    vocabWord
}

// shortSlot is a word of up to eight bytes packed little-endian into
// key (0: an empty slot), and its value.
type shortSlot struct {
	key uint64
	val vocabWord
}

func newWordTable(m map[string]vocabWord) *wordTable {
	nShort := 0
	for w := range m {
		if isShortWord(w) {
			nShort++
		}
	}
	n, bits := 16, uint(4)
	for n < 2*(len(m)-nShort) {
		n *= 2
	}
	for 1<<bits < 2*nShort {
		bits++
	}
	t := &wordTable{slots: make([]wordSlot, n), words: make([]wordEntry, 0, len(m)-nShort),
		short: make([]shortSlot, 1<<bits), shortShift: 64 - bits}
	var keys []byte
	for w, v := range m {
		if w == "" {
			continue // no token is empty
		}
		t.maxLen = max(t.maxLen, len(w))
		t.first[w[0]] = true
		if isShortWord(w) {
			t.addShort(packShort(w), v)
			continue
		}
		a, b := wordParts(w)
		t.words = append(t.words, wordEntry{a: a, b: b, off: int32(len(keys)), n: int32(len(w)), val: v})
		keys = append(keys, w...)
		h := partsHash(a, b, len(w))
		for i := h & uint64(n-1); ; i = (i + 1) & uint64(n-1) {
			if t.slots[i].tag == 0 {
				t.slots[i] = wordSlot{slotTag(h), int32(len(t.words) - 1)}
				break
			}
		}
	}
	t.keys = string(keys)
	return t
}

func slotTag(h uint64) uint32 { return uint32(h>>32) | 1 }

func (t *wordTable) addShort(k uint64, v vocabWord) {
	mask := uint64(len(t.short) - 1)
	for i := t.shortHome(k); ; i = (i + 1) & mask {
		if t.short[i].key == 0 {
			t.short[i] = shortSlot{k, v}
			return
		}
	}
}

// shortHome is the first slot to probe for key k (Fibonacci hashing).
func (t *wordTable) shortHome(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shortShift }

// getShort returns what the table holds for the word packed into k
// (packShort; not 0).
func (t *wordTable) getShort(k uint64) (vocabWord, bool) {
	mask := uint64(len(t.short) - 1)
	for i := t.shortHome(k); ; i = (i + 1) & mask {
		s := &t.short[i]
		if s.key == k {
			return s.val, true
		}
		if s.key == 0 {
			return vocabWord{}, false
		}
	}
}

// isShortWord reports whether w goes in the short table: one to eight
// bytes, none of them NUL, so that packShort tells such words apart.
func isShortWord(w string) bool {
	if len(w) == 0 || len(w) > 8 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] == 0 {
			return false
		}
	}
	return true
}

// packShort packs a word of up to eight bytes little-endian into a
// number, the bytes past its end zero.
func packShort(w string) uint64 {
	if len(w) == 8 {
		return load64(w)
	}
	var k uint64
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// get returns what the table holds for w.
func (t *wordTable) get(w string) (vocabWord, bool) {
	if len(w) == 0 || len(w) > t.maxLen || !t.first[w[0]] {
		return vocabWord{}, false
	}
	if isShortWord(w) {
		return t.getShort(packShort(w))
	}
	a, b := wordParts(w)
	h := partsHash(a, b, len(w))
	tag := slotTag(h)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.tag == 0 {
			return vocabWord{}, false
		}
		if s.tag == tag {
			if e := &t.words[s.idx]; int(e.n) == len(w) && e.a == a && e.b == b && (len(w) <= 16 || t.keys[e.off:e.off+e.n] == w) {
				return e.val, true
			}
		}
	}
}

// wordParts are the first and last bytes of a word (up to eight of
// each) as two numbers. With the length they determine a word of up to
// 16 bytes: its bytes are all among them (words of 1 to 3 bytes: first,
// middle and last).
func wordParts(w string) (a, b uint64) {
	switch n := len(w); {
	case n >= 8:
		a, b = load64(w), load64(w[n-8:])
	case n >= 4:
		a, b = uint64(load32(w)), uint64(load32(w[n-4:]))
	case n > 0:
		a, b = uint64(w[0])|uint64(w[n/2])<<8|uint64(w[n-1])<<16, 0
	}
	return a, b
}

// partsHash hashes a word from its parts and length, which tells words
// apart well enough for a table that compares the words anyway, and
// costs no loop.
func partsHash(a, b uint64, n int) uint64 {
	h := (a^uint64(n))*0x9e3779b97f4a7c15 ^ b*0xc2b2ae3d27d4eb4f
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

// edgeTable maps the gazetteer trie's edges (parent<<32 | word id, never
// 0: the root's edges are elsewhere) to child nodes: open addressing, at
// most half full, read-only once built.
type edgeTable struct {
	slots []edgeSlot
	shift uint
}

type edgeSlot struct {
	key   uint64 // 0: empty
	child int32
}

func newEdgeTable(m map[uint64]int32) edgeTable {
	bits := uint(4)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := edgeTable{slots: make([]edgeSlot, 1<<bits), shift: 64 - bits}
	mask := uint64(len(t.slots) - 1)
	for k, c := range m {
		for i := t.home(k); ; i = (i + 1) & mask {
			if t.slots[i].key == 0 {
				t.slots[i] = edgeSlot{k, c}
				break
			}
		}
	}
	return t
}

// home is the first slot to probe for key k (Fibonacci hashing).
func (t edgeTable) home(k uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> t.shift }

// get returns the child of edge k, 0 when none.
func (t edgeTable) get(k uint64) int32 {
	mask := uint64(len(t.slots) - 1)
	for i := t.home(k); ; i = (i + 1) & mask {
		switch s := t.slots[i]; s.key {
		case k:
			return s.child
		case 0:
			return 0
		}
	}
}
