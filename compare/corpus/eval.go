package corpus

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// PairScore is pairwise precision and recall of a grouping against the
// truth: over all pairs of articles, those put in one story by both, by
// the grouping only, and by the truth only.
type PairScore struct {
	Precision, Recall                  float64
	TruePairs, FoundPairs, CommonPairs int64
}

// ScorePairs compares predicted stories (lists of document IDs) with the
// true ones. Articles missing from either side count as singletons.
func ScorePairs(truth, found [][]string) PairScore {
	label := map[string]int{}
	var s PairScore
	for i, st := range truth {
		for _, id := range st {
			label[id] = i
		}
		n := int64(len(st))
		s.TruePairs += n * (n - 1) / 2
	}
	for _, st := range found {
		n := int64(len(st))
		s.FoundPairs += n * (n - 1) / 2
		count := map[int]int64{}
		for _, id := range st {
			if l, ok := label[id]; ok {
				count[l]++
			}
		}
		for _, c := range count {
			s.CommonPairs += c * (c - 1) / 2
		}
	}
	s.Precision, s.Recall = 1, 1
	if s.FoundPairs > 0 {
		s.Precision = float64(s.CommonPairs) / float64(s.FoundPairs)
	}
	if s.TruePairs > 0 {
		s.Recall = float64(s.CommonPairs) / float64(s.TruePairs)
	}
	return s
}

// Scorer scores a corpus run against a generator's ground truth: the
// grouping (pairwise precision and recall) and the findings (a planted
// inconsistency is found when a contradiction or anachronism of a
// matching kind involves its article; any other contradiction or
// anachronism is a false positive, since the generator plants nothing
// else).
type Scorer struct {
	truth   *Truth
	plantOf map[string][]int // doc ID → indices into plants
	plants  []Plant
	found   [][]string
	hit     []bool
	// by finding kind: true and false positives
	tp, fp map[compare.Kind]int
}

// NewScorer prepares scoring against t.
func NewScorer(t *Truth) *Scorer {
	s := &Scorer{truth: t, plantOf: map[string][]int{}, tp: map[compare.Kind]int{}, fp: map[compare.Kind]int{}}
	for _, st := range t.Stories {
		for _, p := range st.Planted {
			s.plantOf[p.Doc] = append(s.plantOf[p.Doc], len(s.plants))
			s.plants = append(s.plants, p)
		}
	}
	s.hit = make([]bool, len(s.plants))
	return s
}

// kindMatches says which finding kinds report a planted kind: a wrong
// weekday also moves the event's date; a wrong office holder or
// administration also empties the article's era.
func kindMatches(plant, finding compare.Kind) bool {
	switch plant {
	case compare.KindWeekday:
		return finding == compare.KindWeekday || finding == compare.KindDate
	case compare.KindOffice, compare.KindAdministration:
		return finding == plant || finding == compare.KindEra
	}
	return finding == plant
}

// Observe scores one story's result; call it from the emit function.
func (s *Scorer) Observe(r *StoryResult) {
	ids := make([]string, len(r.Report.Documents))
	for i, d := range r.Report.Documents {
		ids[i] = d.ID
	}
	s.found = append(s.found, ids)
	for _, f := range r.Report.Findings {
		if f.Type != compare.Contradiction && f.Type != compare.Anachronism {
			continue
		}
		matched := false
		for _, c := range f.Claims {
			if c.Doc == nil {
				continue
			}
			for _, pi := range s.plantOf[c.Doc.ID] {
				if kindMatches(s.plants[pi].Kind, f.Kind) {
					s.hit[pi] = true
					matched = true
				}
			}
		}
		if matched {
			s.tp[f.Kind]++
		} else {
			s.fp[f.Kind]++
		}
	}
}

// Scores are the grouping and finding scores.
type Scores struct {
	Grouping PairScore
	// Findings: precision over reported contradictions and anachronisms,
	// recall over planted inconsistencies.
	FindingPrecision, FindingRecall float64
	Found, Planted                  int
	// ByKind: planted and found per planted kind.
	PlantedByKind, FoundByKind map[compare.Kind]int
	TP, FP                     map[compare.Kind]int
}

// Scores computes the scores so far.
func (s *Scorer) Scores() Scores {
	var truth [][]string
	for _, st := range s.truth.Stories {
		truth = append(truth, st.Docs)
	}
	sc := Scores{Grouping: ScorePairs(truth, s.found), Planted: len(s.plants),
		PlantedByKind: map[compare.Kind]int{}, FoundByKind: map[compare.Kind]int{}, TP: s.tp, FP: s.fp}
	for i, p := range s.plants {
		sc.PlantedByKind[p.Kind]++
		if s.hit[i] {
			sc.Found++
			sc.FoundByKind[p.Kind]++
		}
	}
	tp, fp := 0, 0
	for _, n := range s.tp {
		tp += n
	}
	for _, n := range s.fp {
		fp += n
	}
	sc.FindingPrecision, sc.FindingRecall = 1, 1
	if tp+fp > 0 {
		sc.FindingPrecision = float64(tp) / float64(tp+fp)
	}
	if sc.Planted > 0 {
		sc.FindingRecall = float64(sc.Found) / float64(sc.Planted)
	}
	return sc
}

// Write prints the scores as Markdown.
func (s *Scorer) Write(w io.Writer) error {
	sc := s.Scores()
	var b strings.Builder
	fmt.Fprintf(&b, "## Against the ground truth\n\n")
	fmt.Fprintf(&b, "Story grouping: pairwise precision %.4f, recall %.4f (%d true pairs, %d found, %d in common)\n\n",
		sc.Grouping.Precision, sc.Grouping.Recall, sc.Grouping.TruePairs, sc.Grouping.FoundPairs, sc.Grouping.CommonPairs)
	fmt.Fprintf(&b, "Findings: precision %.4f, recall %.4f (%d of %d planted inconsistencies found)\n\n",
		sc.FindingPrecision, sc.FindingRecall, sc.Found, sc.Planted)
	b.WriteString("| planted kind | planted | found | recall |\n|---|---:|---:|---:|\n")
	for _, k := range sortedKinds(sc.PlantedByKind) {
		fmt.Fprintf(&b, "| %s | %d | %d | %.3f |\n", k, sc.PlantedByKind[k], sc.FoundByKind[k], float64(sc.FoundByKind[k])/float64(max(sc.PlantedByKind[k], 1)))
	}
	b.WriteString("\n| finding kind | true positives | false positives | precision |\n|---|---:|---:|---:|\n")
	all := map[compare.Kind]int{}
	for k, n := range sc.TP {
		all[k] += n
	}
	for k, n := range sc.FP {
		all[k] += n
	}
	for _, k := range sortedKinds(all) {
		fmt.Fprintf(&b, "| %s | %d | %d | %.3f |\n", k, sc.TP[k], sc.FP[k], float64(sc.TP[k])/float64(max(all[k], 1)))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("scores: %w", err)
	}
	return nil
}

func sortedKinds(m map[compare.Kind]int) []compare.Kind {
	var ks []compare.Kind
	for k := range m {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}
