package corpus

import (
	"sort"
	"time"

	"github.com/crosscheck/crosscheck/compare"
)

// Summary is the corpus-level result: totals, per outlet and per rule.
type Summary struct {
	Articles int   `json:"articles"`
	Stories  int   `json:"stories"`
	Bytes    int64 `json:"bytes"`
	Claims   int   `json:"claims"`
	// MultiStories counts the stories with more than one article (the only
	// ones with cross-article findings).
	MultiStories   int `json:"multi_article_stories"`
	Agreements     int `json:"agreements"`
	Contradictions int `json:"contradictions"`
	Anachronisms   int `json:"anachronisms"`
	// Outlets and Rules are sorted by name.
	Outlets []OutletStats `json:"outlets"`
	Rules   []RuleStats   `json:"rules"`
	// Errors are the load problems, in the order met.
	Errors []compare.DocError `json:"-"`
	Timing Timing             `json:"-"`

	outlets map[string]*OutletStats
	rules   map[string]*RuleStats
}

// Timing is where the wall time went.
type Timing struct {
	Read, Group, Check, Total time.Duration
}

// OutletStats are one outlet's figures. A contradiction counts for every
// outlet among its claims' articles, an anachronism for the outlet of its
// primary claim; rates are per 1,000 claims of the outlet's articles.
type OutletStats struct {
	Outlet                string  `json:"outlet"`
	Articles              int     `json:"articles"`
	Claims                int     `json:"claims"`
	Contradictions        int     `json:"contradictions"`
	Anachronisms          int     `json:"anachronisms"`
	ContradictionsPer1000 float64 `json:"contradictions_per_1000_claims"`
	AnachronismsPer1000   float64 `json:"anachronisms_per_1000_claims"`
}

// RuleStats are one rule's figures.
type RuleStats struct {
	Rule     string       `json:"rule"`
	Type     compare.Type `json:"type"`
	Findings int          `json:"findings"`
	Stories  int          `json:"stories"` // stories with at least one
}

// UnknownOutlet names articles without an outlet.
const UnknownOutlet = "(unknown)"

func newSummary() *Summary {
	return &Summary{outlets: map[string]*OutletStats{}, rules: map[string]*RuleStats{}}
}

func (s *Summary) outlet(name string) *OutletStats {
	if name == "" {
		name = UnknownOutlet
	}
	o := s.outlets[name]
	if o == nil {
		o = &OutletStats{Outlet: name}
		s.outlets[name] = o
	}
	return o
}

// add counts one story's result.
func (s *Summary) add(r *StoryResult) {
	s.Stories++
	docs := r.Report.Documents
	if len(docs) > 1 {
		s.MultiStories++
	}
	for _, d := range docs {
		s.Articles++
		o := s.outlet(d.Outlet)
		o.Articles++
		o.Claims += r.Claims[d.ID]
		s.Claims += r.Claims[d.ID]
	}
	inStory := map[string]bool{}
	for _, f := range r.Report.Findings {
		rs := s.rules[f.Rule]
		if rs == nil {
			rs = &RuleStats{Rule: f.Rule, Type: f.Type}
			s.rules[f.Rule] = rs
		}
		rs.Findings++
		if !inStory[f.Rule] {
			inStory[f.Rule] = true
			rs.Stories++
		}
		switch f.Type {
		case compare.Agreement:
			s.Agreements++
		case compare.Contradiction:
			s.Contradictions++
			seen := map[string]bool{}
			for _, c := range f.Claims {
				if c.Doc == nil {
					continue
				}
				name := c.Doc.Outlet
				if name == "" {
					name = UnknownOutlet
				}
				if !seen[name] {
					seen[name] = true
					s.outlet(name).Contradictions++
				}
			}
		case compare.Anachronism:
			s.Anachronisms++
			if len(f.Claims) > 0 && f.Claims[0].Doc != nil {
				s.outlet(f.Claims[0].Doc.Outlet).Anachronisms++
			}
		}
	}
}

// finish sorts the tables and computes the rates.
func (s *Summary) finish() {
	s.Outlets = s.Outlets[:0]
	for _, o := range s.outlets {
		if o.Claims > 0 {
			o.ContradictionsPer1000 = 1000 * float64(o.Contradictions) / float64(o.Claims)
			o.AnachronismsPer1000 = 1000 * float64(o.Anachronisms) / float64(o.Claims)
		}
		s.Outlets = append(s.Outlets, *o)
	}
	sort.Slice(s.Outlets, func(i, j int) bool { return s.Outlets[i].Outlet < s.Outlets[j].Outlet })
	s.Rules = s.Rules[:0]
	for _, r := range s.rules {
		s.Rules = append(s.Rules, *r)
	}
	sort.Slice(s.Rules, func(i, j int) bool { return s.Rules[i].Rule < s.Rules[j].Rule })
}
