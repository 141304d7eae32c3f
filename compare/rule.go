package compare

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare/kb"
)

// Rule is one check, modelled on go/analysis.Analyzer: a small value with a
// name, a doc, the claim kinds it reads and a function that reports
// findings through the Pass. Rules are logically constant; rules.All lists
// them explicitly.
type Rule struct {
	// Name is lowercase with dashes: "weekday-mismatch".
	Name string
	// Doc: a one-line title (lowercase, no period), a blank line, why it
	// matters, then "Fires:" and "Does not fire:" examples.
	Doc string
	// Type and Kind of the findings the rule reports.
	Type Type
	Kind Kind
	// Severity is the default severity of its findings.
	Severity Severity
	// Needs lists the claim kinds the rule reads; the pipeline extracts
	// only what the enabled rules need.
	Needs []Kind
	Run   func(*Pass) error
}

// Title is the first line of the doc.
func (r *Rule) Title() string {
	t, _, _ := strings.Cut(r.Doc, "\n")
	return t
}

// Validate checks that a rule is well formed.
func (r *Rule) Validate() error {
	switch {
	case r.Name == "" || strings.ToLower(r.Name) != r.Name || strings.ContainsAny(r.Name, " _"):
		return fmt.Errorf("rule %q: name must be lowercase words joined by dashes", r.Name)
	case r.Title() == "" || strings.HasSuffix(r.Title(), "."):
		return fmt.Errorf("rule %s: doc must start with a one-line title without a period", r.Name)
	case !strings.Contains(r.Doc, "Fires:") || !strings.Contains(r.Doc, "Does not fire:"):
		return fmt.Errorf("rule %s: doc must give a \"Fires:\" and a \"Does not fire:\" example", r.Name)
	case r.Run == nil:
		return fmt.Errorf("rule %s: no Run function", r.Name)
	case r.Type == "" || r.Kind == "":
		return fmt.Errorf("rule %s: Type and Kind are required", r.Name)
	case r.Severity == SeverityNone:
		return fmt.Errorf("rule %s: default severity is required", r.Name)
	}
	return nil
}

// Pass is what a rule sees: the documents, their claims grouped by slot,
// the knowledge base, and one channel for findings.
type Pass struct {
	Rule      *Rule
	Documents []*Document
	// Groups are the claims of the kinds the rule needs, grouped by slot,
	// sorted by slot key.
	Groups []Group
	// Claims are all claims of the kinds the rule needs, in document and
	// offset order.
	Claims []Claim
	KB     *kb.KB
	// AsOf is the --as-of date when given.
	AsOf *time.Time
	// Report records a finding; Rule, Type, Kind and Severity default to
	// the rule's own when left zero.
	Report func(Finding)
}

// Group is the set of claims, across documents, about one slot.
type Group struct {
	Slot    string
	Kind    Kind
	Subject string
	Attr    string
	Claims  []Claim // sorted by document ID, then offset
}

// Docs returns the distinct document IDs in the group, sorted.
func (g Group) Docs() []string { return DocIDs(g.Claims) }

// DocIDs returns the distinct document IDs of claims, sorted.
func DocIDs(cs []Claim) []string {
	seen := map[string]bool{}
	var ids []string
	for _, c := range cs {
		if !seen[c.Doc.ID] {
			seen[c.Doc.ID] = true
			ids = append(ids, c.Doc.ID)
		}
	}
	sort.Strings(ids)
	return ids
}
