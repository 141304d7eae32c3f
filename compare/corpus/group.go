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
	// window and MaxPerBucket keep the candidates few).
	Bands int
	// Two articles are one story when the idf-weighted Jaccard similarity
	// of their content words reaches MinSim and their names (canonical kb
	// entities, capitalised words of the lede) agree: a Jaccard similarity
	// of at least MinNames, or every name of the one naming fewer (at
	// least MinShared of them) in the other (defaults 0.15, 0.7, 3); or
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
	// make one bucket of the corpus (default 0.05).
	CommonDF float64
	// MinLinkage is the share of the pairs across two groups of articles
	// that must be one story for the groups to merge (default 0.5).
	MinLinkage float64
	// Workers is how many LSH bands are worked on at once (default
	// GOMAXPROCS); the result does not depend on it.
	Workers int
	// MaxPerBucket bounds the candidates compared per article in one LSH
	// bucket and day window, so that grouping stays near-linear
	// (default 64, the nearest in time).
	MaxPerBucket int
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

// weighted is an article's words with their idf weights.
type weighted struct {
	idf   []float32 // parallel to Features.Words
	total float32
}

// Group groups articles into stories: articles naming a story are grouped
// by it; the others by MinHash LSH over the content words of headline and
// lede (candidates share a band), confirmed by idf-weighted similarity,
// shared names and publication days within the window. Confirmed pairs
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

	// Document frequencies, learnt from the corpus itself: they weigh the
	// words and keep the common ones out of LSH.
	df, probeDF := map[uint64]int32{}, map[uint64]int32{}
	grouped := 0
	for i := range feats {
		if feats[i].Story != "" {
			continue
		}
		grouped++
		for _, w := range feats[i].Words {
			df[w]++
		}
		for _, w := range feats[i].Probe {
			probeDF[w]++
		}
	}
	maxDF := int32(max(20, opt.CommonDF*float64(grouped)))
	weights := make([]weighted, n)
	for i := range feats {
		if feats[i].Story != "" {
			continue
		}
		w := &weights[i]
		w.idf = make([]float32, len(feats[i].Words))
		for k, h := range feats[i].Words {
			w.idf[k] = float32(math.Log(float64(grouped+1) / float64(df[h])))
			w.total += w.idf[k]
		}
	}
	keep := func(h uint64) bool { return df[h]+probeDF[h] <= maxDF }

	// LSH, one band at a time (memory: the signatures and one band's
	// entries, not every band's).
	rows := SigLen / opt.Bands
	type entry struct {
		key  uint64
		day  int32
		item int32
	}
	// rank is an article's place in ID order: ties sort by it.
	rank := make([]int32, n)
	for r, i := range order {
		rank[i] = int32(r)
	}
	sigs := make([][SigLen]uint32, n)
	var items []int32
	for _, i := range order {
		f := &feats[i]
		if f.Story != "" {
			continue
		}
		sig, words := signature(f.Words, f.Probe, keep)
		if words == 0 {
			continue
		}
		sigs[i] = sig
		items = append(items, int32(i))
	}
	bandKey := func(i int32, b int) uint64 {
		h := uint64(b+1) * 0x9e3779b97f4a7c15
		for _, v := range sigs[i][b*rows : (b+1)*rows] {
			h = (h ^ uint64(v)) * 0xff51afd7ed558ccd
			h ^= h >> 32
		}
		return h
	}
	// metBefore: the pair shared an earlier band's bucket, so it was
	// considered there.
	metBefore := func(i, j int32, band int) bool {
		for b := 0; b < band; b++ {
			if bandKey(i, b) == bandKey(j, b) {
				return true
			}
		}
		return false
	}
	window := int32(opt.WindowDays)
	// Confirmed candidate pairs become links.
	type link struct {
		i, j int32
		sim  float32
	}
	// The bands are independent: they run on the pool, and their links
	// are concatenated in band order.
	byBand := make([][]link, opt.Bands)
	bands := make(chan int)
	var wg sync.WaitGroup
	for range max(1, min(opt.Workers, opt.Bands)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			entries := make([]entry, len(items))
			for band := range bands {
				for k, i := range items {
					entries[k] = entry{key: bandKey(i, band), day: feats[i].Day, item: i}
				}
				slices.SortFunc(entries, func(a, b entry) int {
					if c := cmp.Compare(a.key, b.key); c != 0 {
						return c
					}
					if c := cmp.Compare(a.day, b.day); c != 0 {
						return c
					}
					return cmp.Compare(rank[a.item], rank[b.item])
				})
				var links []link
				for lo := 0; lo < len(entries); {
					hi := lo + 1
					for hi < len(entries) && entries[hi].key == entries[lo].key {
						hi++
					}
					bucket := entries[lo:hi]
					for a := range bucket {
						// Undated articles sort first (NoDay) and meet everyone.
						limit := 0
						for b := a + 1; b < len(bucket) && limit < opt.MaxPerBucket; b++ {
							if bucket[a].day != NoDay && bucket[b].day-bucket[a].day > window {
								break
							}
							limit++
							i, j := bucket[a].item, bucket[b].item
							if rank[i] > rank[j] { // a canonical pair, whatever the input order
								i, j = j, i
							}
							if metBefore(i, j, band) {
								continue
							}
							if sameStory(&feats[i], &feats[j], &weights[i], &weights[j], opt) {
								sim := weightedJaccard(feats[i].Words, feats[j].Words, &weights[i], &weights[j])
								links = append(links, link{i, j, float32(sim)})
							}
						}
					}
					lo = hi
				}
				byBand[band] = links
			}
		}()
	}
	for band := range opt.Bands {
		bands <- band
	}
	close(bands)
	wg.Wait()
	var links []link
	for _, ls := range byBand {
		links = append(links, ls...)
	}
	sigs, byBand = nil, nil

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
		if (len(mi) > 1 || len(mj) > 1) && !cohesive(mi, mj, feats, weights, opt) {
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
func cohesive(a, b []int32, feats []Features, weights []weighted, opt GroupOptions) bool {
	const sample = 12
	a, b = a[:min(len(a), sample)], b[:min(len(b), sample)]
	yes := 0
	for _, i := range a {
		for _, j := range b {
			if sameStory(&feats[i], &feats[j], &weights[i], &weights[j], opt) {
				yes++
			}
		}
	}
	return float64(yes) >= opt.MinLinkage*float64(len(a)*len(b))
}

// sameStory confirms an LSH candidate pair.
func sameStory(a, b *Features, wa, wb *weighted, opt GroupOptions) bool {
	if a.Day != NoDay && b.Day != NoDay && abs32(a.Day-b.Day) > int32(opt.WindowDays) {
		return false
	}
	sim := weightedJaccard(a.Words, b.Words, wa, wb)
	if sim < min(opt.MinSim, opt.MinSimLoose) {
		return false
	}
	common, union := nameCounts(a.Names, b.Names)
	if union == 0 {
		return sim >= opt.MinSimLoose
	}
	names := float64(common) / float64(union)
	contained := common == min(len(a.Names), len(b.Names)) && common >= opt.MinShared
	if sim >= opt.MinSim && (names >= opt.MinNames || contained) {
		return true
	}
	// One name each side differs (a wrong venue, another minister): the
	// very inconsistencies the check is for must not split a story.
	// Their words are compared without the differing names, whose rare
	// words would otherwise outweigh the rest.
	oneOff := common >= opt.MinShared && len(a.Names)-common <= 1 && len(b.Names)-common <= 1
	if oneOff && weightedJaccardBut(a, b, wa, wb) >= opt.MinSimOneOff {
		return true
	}
	return sim >= opt.MinSimLoose && names >= opt.MinNamesLoose
}

// weightedJaccardBut is weightedJaccard without the names only one of
// the two articles has.
func weightedJaccardBut(a, b *Features, wa, wb *weighted) float64 {
	var common float32
	i, j := 0, 0
	for i < len(a.Words) && j < len(b.Words) {
		switch {
		case a.Words[i] == b.Words[j]:
			common += wa.idf[i]
			i++
			j++
		case a.Words[i] < b.Words[j]:
			i++
		default:
			j++
		}
	}
	union := wa.total + wb.total - common
	union -= onlyNameWeight(a, b, wa) + onlyNameWeight(b, a, wb)
	if union <= 0 {
		return 0
	}
	return float64(common / union)
}

// onlyNameWeight sums the idf of a's names that b does not have.
func onlyNameWeight(a, b *Features, wa *weighted) float32 {
	var w float32
	for _, h := range a.Names {
		if _, found := slices.BinarySearch(b.Names, h); found {
			continue
		}
		if k, found := slices.BinarySearch(a.Words, h); found {
			w += wa.idf[k]
		}
	}
	return w
}

// weightedJaccard is Σ idf over shared words / Σ idf over all words.
func weightedJaccard(a, b []uint64, wa, wb *weighted) float64 {
	var common float32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common += wa.idf[i]
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := wa.total + wb.total - common
	if union <= 0 {
		return 0
	}
	return float64(common / union)
}

// nameCounts returns the sizes of the intersection and the union of two
// sorted sets.
func nameCounts(a, b []uint64) (common, union int) {
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
