package corpus

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
)

// GroupOptions tune story grouping. The zero value means the defaults.
type GroupOptions struct {
	// WindowDays is the largest gap between the publication days of two
	// articles of one story (default 3). Undated articles match any day.
	WindowDays int
	// Bands is the number of LSH bands the signature is cut into (default
	// 64: one row a band, so two articles sharing a fifth of their
	// uncommon words are candidates with probability 1-0.8^64 ≈ 1; the day
	// window, MaxPerBucket and MaxCandidates keep the comparisons few).
	Bands int
	// Two articles are one story when the idf-weighted Jaccard similarity
	// of their content words reaches MinSim and their names (canonical kb
	// entities, capitalised words of the lede) agree: a Jaccard similarity
	// of at least MinNames, or every name of the one naming fewer (at
	// least MinShared of them) in the other (defaults 0.15, 0.7, 2); or
	// when the words reach MinSimLoose and the names MinNamesLoose
	// (defaults 0.6 and 0.5).
	MinSim, MinNames           float64
	MinShared                  int
	MinSimLoose, MinNamesLoose float64
	// MinSimOneOff is the similarity that suffices when the names differ
	// by at most one on each side, at least MinShared in common (default
	// 0.3): a planted wrong venue must not split its story.
	MinSimOneOff float64
	// CommonDF: words in more than this share of the articles (and in more
	// than 20) do not take part in LSH: a word every article has would
	// make one bucket of the corpus (default 0.05). Words whose articles
	// all lie within twice WindowDays of one another take part whatever
	// their share: they are a story's own words, and a story can be a
	// large share of a small or topical corpus.
	CommonDF float64
	// MinLinkage is the share of the pairs across two groups of articles
	// that must be one story for the groups to merge (default 0.5).
	MinLinkage float64
	// Workers is how many goroutines sort the LSH bands and walk the
	// articles (default GOMAXPROCS); the result does not depend on it.
	Workers int
	// MaxPerBucket bounds the later articles an article meets in one LSH
	// bucket and day window (default 64, the nearest in time).
	MaxPerBucket int
	// MaxCandidates bounds the later articles an article is compared
	// with (default 16): those it shares the most bands with, an estimate
	// of their similarity. The more articles a corpus has a day, the more
	// look-alikes each article meets; comparing it with its nearest few
	// keeps grouping linear in the corpus, and the look-alikes beyond
	// them are the pairs most often wrongly joined.
	MaxCandidates int
}

func (o GroupOptions) withDefaults() GroupOptions {
	if o.WindowDays <= 0 {
		o.WindowDays = 3
	}
	if o.Bands <= 0 || SigLen%o.Bands != 0 {
		o.Bands = 64
	}
	if o.MinSim <= 0 {
		o.MinSim = 0.15
	}
	if o.MinNames <= 0 {
		o.MinNames = 0.7
	}
	if o.MinShared <= 0 {
		o.MinShared = 2
	}
	if o.MinSimLoose <= 0 {
		o.MinSimLoose = 0.6
	}
	if o.MinSimOneOff <= 0 {
		o.MinSimOneOff = 0.3
	}
	if o.MinNamesLoose <= 0 {
		o.MinNamesLoose = 0.5
	}
	if o.CommonDF <= 0 {
		o.CommonDF = 0.05
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.MinLinkage <= 0 {
		o.MinLinkage = 0.5
	}
	if o.MaxPerBucket <= 0 {
		o.MaxPerBucket = 64
	}
	if o.MaxCandidates <= 0 {
		o.MaxCandidates = 16
	}
	return o
}

// Story is a set of articles about one story.
type Story struct {
	// ID is the explicit story field, or "s-" and a hash of the sorted
	// member IDs: the same members give the same ID in every run.
	ID string
	// Members are indices into the input, sorted by document ID.
	Members []int
	// Explicit is true when the input named the story.
	Explicit bool
}

// weighted is what pairs are compared on: an article's words and names
// as vocabulary ids, the idf of its words summed, and its day. Their
// lists lie in time order in one array, so the articles a walk compares
// are near in memory (the Features of pass 1 are wherever its workers
// left them).
type weighted struct {
	ids   []int32 // the ids of Features.Words, in the same order
	names []int32 // the ids of Features.Names, sorted
	total float32
	day   int32
}

// vocabulary numbers the words of the articles grouped by similarity (no
// explicit story) densely, in the order of their hashes: a sorted word
// list stays sorted as ids, and sums over it run in the same order.
// Pairs are compared on int32 lists with weights read from an array, not
// a map.
type vocabulary struct {
	weights []weighted // by article
	probe   [][]int32  // by article: the ids of Features.Probe
	idf     []float32  // by id
	lsh     []bool     // by id: rare enough to take part in LSH
}

// newVocabulary learns the document frequencies from the corpus itself:
// they weigh the words and keep the common ones out of LSH. The ids of
// the articles are laid out in the order given (by time: the articles
// compared with one another are near in memory too).
func newVocabulary(feats []Features, order []int, commonDF float64, storyDays int32) *vocabulary {
	v := &vocabulary{weights: make([]weighted, len(feats)), probe: make([][]int32, len(feats))}
	total := 0
	for i := range feats {
		if feats[i].Story == "" {
			total += len(feats[i].Words) + len(feats[i].Names) + len(feats[i].Probe)
		}
	}
	// One backing array for every article's ids.
	arena := make([]int32, 0, total)
	index := map[uint64]int32{}
	var hashes []uint64
	var df, probeDF []int32
	// The first and last publication days of each word's articles.
	var first, last []int32
	idOf := func(h uint64) int32 {
		id, ok := index[h]
		if !ok {
			id = int32(len(hashes))
			index[h] = id
			hashes = append(hashes, h)
			df, probeDF = append(df, 0), append(probeDF, 0)
			first, last = append(first, NoDay), append(last, NoDay)
		}
		return id
	}
	seen := func(id, day int32) {
		if day == NoDay {
			return
		}
		if first[id] == NoDay || day < first[id] {
			first[id] = day
		}
		last[id] = max(last[id], day)
	}
	grouped := 0
	for _, i := range order {
		f := &feats[i]
		if f.Story != "" {
			continue
		}
		grouped++
		start := len(arena)
		for _, h := range f.Words {
			id := idOf(h)
			df[id]++
			seen(id, f.Day)
			arena = append(arena, id)
		}
		mid := len(arena)
		for _, h := range f.Names {
			arena = append(arena, idOf(h)) // not counted: a name is a word too
		}
		mid2 := len(arena)
		for _, h := range f.Probe {
			id := idOf(h)
			probeDF[id]++
			seen(id, f.Day)
			arena = append(arena, id)
		}
		w := &v.weights[i]
		w.ids, w.names, w.day = arena[start:mid:mid], arena[mid:mid2:mid2], f.Day
		v.probe[i] = arena[mid2:len(arena):len(arena)]
	}
	// Renumber in hash order: the first-seen order depends on the input's.
	byHash := make([]int32, len(hashes))
	for k := range byHash {
		byHash[k] = int32(k)
	}
	slices.SortFunc(byHash, func(a, b int32) int { return cmp.Compare(hashes[a], hashes[b]) })
	renumber := make([]int32, len(hashes))
	for id, old := range byHash {
		renumber[old] = int32(id)
	}
	for k, old := range arena {
		arena[k] = renumber[old]
	}
	maxDF := int32(max(20, commonDF*float64(grouped)))
	v.idf, v.lsh = make([]float32, len(hashes)), make([]bool, len(hashes))
	for id, old := range byHash {
		if df[old] > 0 {
			v.idf[id] = idf(grouped, df[old])
		}
		v.lsh[id] = df[old]+probeDF[old] <= maxDF ||
			first[old] != NoDay && last[old]-first[old] <= storyDays
	}
	for i := range v.weights {
		w := &v.weights[i]
		for _, id := range w.ids {
			w.total += v.idf[id]
		}
	}
	return v
}

// idfPrior is the number of background articles the document
// frequencies are smoothed with, in which every word appears once.
const idfPrior = 100

// idf weighs a word found in df of n articles. Learnt from the corpus
// alone, a word that every article of a small corpus shares — the story's
// own words, in a handful of reports of one event — would weigh next to
// nothing and leave only each article's own wording to compare; the
// prior keeps it a content word. Beyond some thousand articles the prior
// hardly matters.
func idf(n int, df int32) float32 {
	return float32(math.Log((float64(n) + idfPrior) / (float64(df) + idfPrior/100)))
}

// signs reports whether article i has words that take part in LSH.
func (v *vocabulary) signs(i int) bool {
	for _, id := range v.weights[i].ids {
		if v.lsh[id] {
			return true
		}
	}
	for _, id := range v.probe[i] {
		if v.lsh[id] {
			return true
		}
	}
	return false
}

// signature is the MinHash signature of article i's words and probe
// words that take part in LSH.
func (v *vocabulary) signature(f *Features, i int) [SigLen]uint32 {
	var sig [SigLen]uint32
	for k := range sig {
		sig[k] = ^uint32(0)
	}
	for k, h := range f.Words {
		if v.lsh[v.weights[i].ids[k]] {
			minhash(&sig, h)
		}
	}
	for k, h := range f.Probe {
		if v.lsh[v.probe[i][k]] {
			minhash(&sig, h)
		}
	}
	return sig
}

// lshEntry is an article in one band: the band's key and the article's
// position.
type lshEntry struct {
	key uint32
	pos int32
}

// link is a confirmed candidate pair.
type link struct {
	i, j int32
	sim  float32
}

// noNext ends a bucket's chain.
const noNext = ^uint32(0)

// lsh finds the candidate pairs of LSH and confirms them. Its articles
// are numbered by their place in time order (a position). Each band's
// buckets are chains of positions in time order; the pairs are then
// walked article by article, every band at once, so that a pair that
// shares several bands is confirmed once (a mark per article, not a
// comparison of signatures), and the articles compared are those of a
// few days, near in memory.
type lsh struct {
	v    *vocabulary
	opt  GroupOptions
	rows int // MinHash values a band
	// By position: the article, its day and its place in ID order (ties
	// sort by it).
	byTime, days, rank []int32
	// By position: first the signature, then, band b's chain at b*rows:
	// the position after it in its bucket of band b, or noNext. An
	// article's chains are side by side, the articles of a few days in
	// a few pages.
	next [][SigLen]uint32
}

// newLSH signs the articles that have LSH words and chains each band's
// buckets; byTime is every article by day, then ID.
func newLSH(feats []Features, v *vocabulary, byTime []int, rank []int32, opt GroupOptions) *lsh {
	l := &lsh{v: v, opt: opt, rows: SigLen / opt.Bands}
	n := len(byTime)
	l.byTime, l.days, l.rank = make([]int32, 0, n), make([]int32, 0, n), make([]int32, 0, n)
	for _, i := range byTime {
		if feats[i].Story == "" && v.signs(i) {
			l.byTime = append(l.byTime, int32(i))
			l.days = append(l.days, feats[i].Day)
			l.rank = append(l.rank, rank[i])
		}
	}
	l.next = make([][SigLen]uint32, len(l.byTime))
	for p, i := range l.byTime {
		l.next[p] = v.signature(&feats[i], int(i))
	}
	l.chains()
	return l
}

// chains sorts each band's articles into buckets, on a pool of workers,
// and writes each band's chains over the first of its MinHash values,
// which no other band reads: no memory beyond the signatures.
func (l *lsh) chains() {
	bands := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(l.opt.Workers, l.opt.Bands)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n := len(l.byTime)
			es, tmp := make([]lshEntry, n), make([]lshEntry, n)
			for b := range bands {
				for p := range es {
					es[p] = lshEntry{key: l.bandKey(p, b), pos: int32(p)}
				}
				l.chain(radixSort(es, tmp), b*l.rows)
			}
		}()
	}
	for b := range l.opt.Bands {
		bands <- b
	}
	close(bands)
	wg.Wait()
}

// bandKey is the bucket in band b of the article at position p: with one
// row, the MinHash value itself; else a 32-bit hash of the band's rows
// (two articles in one bucket by chance are only compared in vain).
func (l *lsh) bandKey(p, b int) uint32 {
	if l.rows == 1 {
		return l.next[p][b]
	}
	h := uint64(b+1) * 0x9e3779b97f4a7c15
	for _, v := range l.next[p][b*l.rows : (b+1)*l.rows] {
		h = (h ^ uint64(v)) * 0xff51afd7ed558ccd
		h ^= h >> 32
	}
	return uint32(h)
}

// chain links each position to the next in its bucket (noNext: none), in
// column col: es sorted by key, then position.
func (l *lsh) chain(es []lshEntry, col int) {
	for k, e := range es {
		next := noNext
		if k+1 < len(es) && es[k+1].key == e.key {
			next = uint32(es[k+1].pos)
		}
		l.next[e.pos][col] = next
	}
}

// chunk is how many positions a worker takes at a time.
const chunk = 1024

// links walks the positions on a pool of workers; their links are
// concatenated in time order.
func (l *lsh) links() []link {
	n := len(l.byTime)
	byChunk := make([][]link, (n+chunk-1)/chunk)
	chunks := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(l.opt.Workers, len(byChunk))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := &walker{shared: make([]uint8, n)}
			for c := range chunks {
				w.end = c * chunk
				byChunk[c] = l.walk(c*chunk, min(n, (c+1)*chunk), w)
			}
		}()
	}
	for c := range byChunk {
		chunks <- c
	}
	close(chunks)
	wg.Wait()
	total := 0
	for _, ls := range byChunk {
		total += len(ls)
	}
	links := make([]link, 0, total)
	for _, ls := range byChunk {
		links = append(links, ls...)
	}
	return links
}

// walker is a worker's scratch space: by position, how many bands an
// article shares with the one walked (zero again after it), and the
// positions met.
type walker struct {
	shared []uint8
	met    []int32
	end    int // the last position in the window of the last dated article walked
}

// walk confirms the candidate pairs of the positions from lo to hi with
// later articles: in each band, the next MaxPerBucket of the bucket
// within the day window meet it; of those, the MaxCandidates that share
// the most bands with it (then the earliest) are compared.
func (l *lsh) walk(lo, hi int, w *walker) []link {
	window := int32(l.opt.WindowDays)
	var links []link
	for pa := lo; pa < hi; pa++ {
		// Undated articles sort first (NoDay) and meet everyone.
		day := l.days[pa]
		// The last position in the window.
		end := uint32(len(l.days) - 1)
		if day != NoDay {
			for w.end < len(l.days)-1 && l.days[w.end+1]-day <= window {
				w.end++
			}
			end = uint32(w.end)
		}
		w.met = w.met[:0]
		// Two bands at a time: each chain is a series of dependent loads,
		// two of them can be in flight together.
		for col := 0; col < SigLen; col += 2 * l.rows {
			col2 := col + l.rows
			pb, pc := l.next[pa][col], noNext
			if col2 < SigLen {
				pc = l.next[pa][col2]
			}
			nb, nc := 0, 0
			for pb != noNext || pc != noNext {
				if pb != noNext {
					if pb > end || nb == l.opt.MaxPerBucket {
						pb = noNext
					} else {
						nb++
						if w.shared[pb] == 0 {
							w.met = append(w.met, int32(pb))
						}
						w.shared[pb]++ // at most SigLen
						pb = l.next[pb][col]
					}
				}
				if pc != noNext {
					if pc > end || nc == l.opt.MaxPerBucket {
						pc = noNext
					} else {
						nc++
						if w.shared[pc] == 0 {
							w.met = append(w.met, int32(pc))
						}
						w.shared[pc]++
						pc = l.next[pc][col2]
					}
				}
			}
		}
		if len(w.met) > l.opt.MaxCandidates {
			slices.SortFunc(w.met, func(a, b int32) int {
				if c := cmp.Compare(w.shared[b], w.shared[a]); c != 0 {
					return c
				}
				return cmp.Compare(a, b)
			})
		}
		for k, pb := range w.met {
			w.shared[pb] = 0
			if k >= l.opt.MaxCandidates {
				continue
			}
			i, j := l.byTime[pa], l.byTime[pb]
			if l.rank[pa] > l.rank[pb] { // a canonical pair, whatever the input order
				i, j = j, i
			}
			if ok, sim := sameStory(&l.v.weights[i], &l.v.weights[j], l.v.idf, l.opt); ok {
				links = append(links, link{i, j, float32(sim)})
			}
		}
	}
	return links
}

// radixSort sorts es by key, stably, in three passes of 11, 11 and 10
// bits (least significant first; the passes whose bits no key has set are
// skipped). tmp is scratch of the same length; the result is es or tmp.
func radixSort(es, tmp []lshEntry) []lshEntry {
	var bits uint32
	for _, e := range es {
		bits |= e.key
	}
	var count [1 << 11]int
	for shift := 0; shift < 32 && bits>>shift != 0; shift += 11 {
		clear(count[:])
		for _, e := range es {
			count[e.key>>shift&(1<<11-1)]++
		}
		sum := 0
		for k, c := range count {
			count[k] = sum
			sum += c
		}
		for _, e := range es {
			d := e.key >> shift & (1<<11 - 1)
			tmp[count[d]] = e
			count[d]++
		}
		es, tmp = tmp, es
	}
	return es
}

// Group groups articles into stories: articles naming a story are grouped
// by it; the others by MinHash LSH over the content words of headline and
// lede (candidates share a band; an article is compared with the few
// that share the most), confirmed by idf-weighted similarity, shared
// names and publication days within the window. Confirmed pairs
// are merged strongest first; two groups of several articles merge only
// when most pairs across them are confirmed too (MinLinkage), so a chain
// of look-alikes does not join two stories. ids[i] and feats[i] describe
// article i; ids must be unique. The result depends only on the set of
// (id, features) pairs, never on their order; stories are sorted by their
// first member's ID.
func Group(ids []string, feats []Features, opt GroupOptions) []Story {
	opt = opt.withDefaults()
	n := len(ids)
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return ids[order[a]] < ids[order[b]] })
	uf := newUnionFind(n)

	// Explicit stories.
	explicit := map[string]int{}
	for _, i := range order {
		if s := feats[i].Story; s != "" {
			if j, ok := explicit[s]; ok {
				uf.union(j, i)
			} else {
				explicit[s] = i
			}
		}
	}

	rank := make([]int32, n)
	for r, i := range order {
		rank[i] = int32(r)
	}
	// order is by ID: a stable sort by day sorts by (day, ID).
	byTime := slices.Clone(order)
	slices.SortStableFunc(byTime, func(a, b int) int { return cmp.Compare(feats[a].Day, feats[b].Day) })
	v := newVocabulary(feats, byTime, opt.CommonDF, 2*int32(opt.WindowDays))
	links := newLSH(feats, v, byTime, rank, opt).links()

	// Strongest links first. A link joins two single articles outright;
	// it joins larger groups only when most pairs across them are
	// confirmed too (MinLinkage), so one look-alike article cannot chain
	// two stories into one.
	slices.SortFunc(links, func(a, b link) int {
		if a.sim != b.sim {
			if a.sim > b.sim {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(rank[a.i], rank[b.i]); c != 0 {
			return c
		}
		return cmp.Compare(rank[a.j], rank[b.j])
	})
	members := make([][]int32, n)
	for _, l := range links {
		ri, rj := uf.find(int(l.i)), uf.find(int(l.j))
		if ri == rj {
			continue
		}
		mi, mj := members[ri], members[rj]
		if mi == nil {
			mi = []int32{int32(ri)}
		}
		if mj == nil {
			mj = []int32{int32(rj)}
		}
		if (len(mi) > 1 || len(mj) > 1) && !cohesive(mi, mj, v, opt) {
			continue
		}
		uf.union(ri, rj)
		r := uf.find(ri)
		members[ri], members[rj] = nil, nil
		members[r] = append(append(make([]int32, 0, len(mi)+len(mj)), mi...), mj...)
	}

	// Components, members sorted by ID; stories sorted by first member.
	comp := map[int]int{}
	var stories []Story
	for _, i := range order {
		r := uf.find(i)
		k, ok := comp[r]
		if !ok {
			k = len(stories)
			comp[r] = k
			stories = append(stories, Story{})
		}
		stories[k].Members = append(stories[k].Members, i)
	}
	for k := range stories {
		s := &stories[k]
		if st := feats[s.Members[0]].Story; st != "" {
			s.ID, s.Explicit = st, true
			continue
		}
		s.ID = storyID(ids, s.Members)
	}
	return stories
}

// cohesive reports whether two groups of articles may merge: at least
// MinLinkage of the pairs across them are one story by sameStory. Big
// groups are sampled (their first members), which keeps a merge cheap.
func cohesive(a, b []int32, v *vocabulary, opt GroupOptions) bool {
	const sample = 12
	a, b = a[:min(len(a), sample)], b[:min(len(b), sample)]
	need := opt.MinLinkage * float64(len(a)*len(b))
	// Stop as soon as the answer is known: enough pairs agree, or too
	// few are left to.
	yes, left := 0, len(a)*len(b)
	for _, i := range a {
		for _, j := range b {
			if ok, _ := sameStory(&v.weights[i], &v.weights[j], v.idf, opt); ok {
				yes++
			}
			left--
			if float64(yes) >= need {
				return true
			}
			if float64(yes+left) < need {
				return false
			}
		}
	}
	return float64(yes) >= need
}

// sameStory confirms an LSH candidate pair; sim is the pair's weighted
// Jaccard similarity (when the days are in the window).
func sameStory(a, b *weighted, idf []float32, opt GroupOptions) (ok bool, sim float64) {
	if a.day != NoDay && b.day != NoDay && abs32(a.day-b.day) > int32(opt.WindowDays) {
		return false, 0
	}
	// The names first: they are few, and most candidates of a dense
	// corpus fail on them. Every way to agree below needs MinShared names
	// in common, or a share of MinNames or MinNamesLoose of them.
	common, union := nameCounts(a.names, b.names)
	names := 0.0
	if union > 0 {
		names = float64(common) / float64(union)
		if common < opt.MinShared && names < min(opt.MinNames, opt.MinNamesLoose) {
			return false, 0
		}
	}
	sim = weightedJaccard(a, b, idf)
	if sim < min(opt.MinSim, opt.MinSimLoose) {
		return false, sim
	}
	if union == 0 {
		return sim >= opt.MinSimLoose, sim
	}
	contained := common == min(len(a.names), len(b.names)) && common >= opt.MinShared
	if sim >= opt.MinSim && (names >= opt.MinNames || contained) {
		return true, sim
	}
	// One name each side differs (a wrong venue, another minister): the
	// very inconsistencies the check is for must not split a story.
	// Their words are compared without the differing names, whose rare
	// words would otherwise outweigh the rest.
	oneOff := common >= opt.MinShared && len(a.names)-common <= 1 && len(b.names)-common <= 1
	if oneOff && weightedJaccardBut(a, b, idf) >= opt.MinSimOneOff {
		return true, sim
	}
	return sim >= opt.MinSimLoose && names >= opt.MinNamesLoose, sim
}

// weightedJaccardBut is weightedJaccard without the names only one of
// the two articles has.
func weightedJaccardBut(a, b *weighted, idf []float32) float64 {
	common := commonWeight(a.ids, b.ids, idf)
	union := a.total + b.total - common
	union -= onlyNameWeight(a, b, idf) + onlyNameWeight(b, a, idf)
	if union <= 0 {
		return 0
	}
	return float64(common / union)
}

// onlyNameWeight sums the idf of a's names that b does not have (those
// among a's words: MaxWords may have cut some).
func onlyNameWeight(a, b *weighted, idf []float32) float32 {
	var w float32
	for _, id := range a.names {
		if _, found := slices.BinarySearch(b.names, id); found {
			continue
		}
		if _, found := slices.BinarySearch(a.ids, id); found {
			w += idf[id]
		}
	}
	return w
}

// weightedJaccard is Σ idf over shared words / Σ idf over all words.
func weightedJaccard(a, b *weighted, idf []float32) float64 {
	common := commonWeight(a.ids, b.ids, idf)
	union := a.total + b.total - common
	if union <= 0 {
		return 0
	}
	return float64(common / union)
}

// commonWeight sums the idf of the ids two sorted lists share, in order.
func commonWeight(a, b []int32, idf []float32) float32 {
	var common float32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common += idf[a[i]]
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return common
}

// nameCounts returns the sizes of the intersection and the union of two
// sorted sets.
func nameCounts(a, b []int32) (common, union int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return common, len(a) + len(b) - common
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// storyID derives a story's ID from its sorted member IDs.
func storyID(ids []string, members []int) string {
	h := sha256.New()
	var lenBuf [8]byte
	for _, m := range members {
		binary.LittleEndian.PutUint64(lenBuf[:], uint64(len(ids[m])))
		h.Write(lenBuf[:])
		h.Write([]byte(ids[m]))
	}
	return "s-" + hex.EncodeToString(h.Sum(nil)[:6])
}

// unionFind is a disjoint-set forest with path halving and union by size.
type unionFind struct{ parent, size []int32 }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int32, n), size: make([]int32, n)}
	for i := range u.parent {
		u.parent[i] = int32(i)
		u.size[i] = 1
	}
	return u
}

func (u *unionFind) find(i int) int {
	for int(u.parent[i]) != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = int(u.parent[i])
	}
	return i
}

func (u *unionFind) union(a, b int) {
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if u.size[ra] < u.size[rb] {
		ra, rb = rb, ra
	}
	u.parent[rb] = int32(ra)
	u.size[ra] += u.size[rb]
}
