package config

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/extract"
)

// Limits on user patterns: Go's regexp runs in linear time, but a huge
// pattern still costs memory and time on every document.
const (
	MaxPatternLen = 1000
	maxPatterns   = 200
)

// Comparison modes of a user pattern.
const (
	CompareEqual    = "equal"    // values must be equal (case and spacing ignored)
	CompareInterval = "interval" // numbers must agree within the tolerance
	CompareSet      = "set"      // lists ("A, B and C") must hold the same items
)

// Pattern is a user claim pattern: a regular expression whose named
// groups fill a claim, and the rule that compares those claims.
type Pattern struct {
	Name string // the rule name of its findings
	Kind compare.Kind
	// Subject, Attr and Value are templates: $group or ${group} expands
	// a named group of RX.
	Subject, Attr, Value string
	RX                   *regexp.Regexp
	Compare              string
	Tolerance            float64
	Severity             compare.Severity
	At                   Origin
}

var (
	patternName = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	templateRef = regexp.MustCompile(`\$(\{[^}]*\}|[A-Za-z0-9_]+)`)
	claimKinds  = []compare.Kind{compare.KindWeekday, compare.KindDate, compare.KindOffice, compare.KindAdministration,
		compare.KindOrdinal, compare.KindLocation, compare.KindQuantity, compare.KindQuote}
)

func decodePatterns(n *node, builtin func(string) bool) ([]*Pattern, error) {
	if n.y.Kind != yaml.SequenceNode {
		return nil, n.err("patterns: want a list of {name, regex, kind, subject, attr, value, compare}")
	}
	items := n.items()
	if len(items) > maxPatterns {
		return nil, n.err("patterns: %d patterns, limit %d", len(items), maxPatterns)
	}
	seen := map[string]bool{}
	var out []*Pattern
	for _, it := range items {
		p, err := decodePattern(it)
		if err != nil {
			return nil, err
		}
		if builtin != nil && builtin(p.Name) {
			return nil, it.kids["name"].err("patterns: name %q is a built-in rule; choose another", p.Name)
		}
		if seen[p.Name] {
			return nil, it.kids["name"].err("patterns: name %q is used twice", p.Name)
		}
		seen[p.Name] = true
		out = append(out, p)
	}
	return out, nil
}

func decodePattern(it *node) (*Pattern, error) {
	if err := it.mapping("patterns[]", "name", "regex", "kind", "subject", "attr", "value", "compare", "tolerance", "severity"); err != nil {
		return nil, err
	}
	p := &Pattern{Compare: CompareEqual, Value: "${value}", Severity: compare.Error, At: it.origin()}
	get := func(key string, required bool) (string, *node, error) {
		kn, ok := it.kids[key]
		if !ok {
			if required {
				return "", nil, it.err("patterns[]: %s is required", key)
			}
			return "", nil, nil
		}
		v, err := kn.str("patterns[]." + key)
		return v, kn, err
	}
	name, nn, err := get("name", true)
	if err != nil {
		return nil, err
	}
	if !patternName.MatchString(name) {
		return nil, nn.err("patterns[].name %q: want lowercase words joined by dashes", name)
	}
	p.Name = name
	rx, rn, err := get("regex", true)
	if err != nil {
		return nil, err
	}
	if len(rx) > MaxPatternLen {
		return nil, rn.err("patterns[].regex: %d bytes, limit %d", len(rx), MaxPatternLen)
	}
	if p.RX, err = regexp.Compile(rx); err != nil {
		return nil, rn.err("patterns[].regex: %v", err)
	}
	if p.RX.MatchString("") {
		return nil, rn.err("patterns[].regex matches the empty string")
	}
	kind, kn, err := get("kind", true)
	if err != nil {
		return nil, err
	}
	for _, k := range claimKinds {
		if string(k) == kind {
			p.Kind = k
		}
	}
	if p.Kind == "" {
		return nil, kn.err("patterns[].kind %q: want one of %s", kind, kindList())
	}
	for _, key := range []string{"subject", "attr", "value"} {
		v, vn, err := get(key, key != "value")
		if err != nil {
			return nil, err
		}
		if vn == nil {
			vn = rn // the default value template refers to the regex
			v = p.Value
		}
		if err := checkTemplate(v, p.RX); err != nil {
			return nil, vn.err("patterns[].%s: %v", key, err)
		}
		switch key {
		case "subject":
			p.Subject = v
		case "attr":
			p.Attr = v
		case "value":
			p.Value = v
		}
	}
	if mode, mn, err := get("compare", false); err != nil {
		return nil, err
	} else if mn != nil {
		if mode != CompareEqual && mode != CompareInterval && mode != CompareSet {
			return nil, mn.err("patterns[].compare %q: want equal, interval or set", mode)
		}
		p.Compare = mode
	}
	if tn, ok := it.kids["tolerance"]; ok {
		if p.Compare != CompareInterval {
			return nil, tn.err("patterns[].tolerance applies to compare: interval only")
		}
		f, err := tn.number("patterns[].tolerance")
		if err != nil {
			return nil, err
		}
		if f < 0 || f >= 1 {
			return nil, tn.err("patterns[].tolerance %v: want a fraction from 0 to below 1", f)
		}
		p.Tolerance = f
	}
	if sev, sn, err := get("severity", false); err != nil {
		return nil, err
	} else if sn != nil {
		s, ok := compare.ParseSeverity(sev)
		if !ok || s == compare.SeverityNone {
			return nil, sn.err("patterns[].severity %q: want error, warning or info", sev)
		}
		p.Severity = s
	}
	return p, nil
}

func kindList() string {
	var ks []string
	for _, k := range claimKinds {
		ks = append(ks, string(k))
	}
	return strings.Join(ks, ", ")
}

// checkTemplate checks that every $name in a template names a group.
func checkTemplate(t string, rx *regexp.Regexp) error {
	for _, m := range templateRef.FindAllStringSubmatch(t, -1) {
		name := strings.Trim(m[1], "{}")
		if n, err := strconv.Atoi(name); err == nil {
			if n > rx.NumSubexp() {
				return fmt.Errorf("$%s: the regex has %d groups", name, rx.NumSubexp())
			}
			continue
		}
		if rx.SubexpIndex(name) < 0 {
			return fmt.Errorf("$%s: no group (?P<%s>…) in the regex", name, name)
		}
	}
	return nil
}

// marker tags the claims of a pattern so that its rule finds them.
func (p *Pattern) marker() string { return "user:" + p.Name }

// Extract returns the claims the pattern finds in a document: each match
// outside markup, its span the whole match.
func (p *Pattern) Extract(env *extract.Env) []compare.Claim {
	d := env.Doc
	var out []compare.Claim
	for _, m := range p.RX.FindAllSubmatchIndex(d.Text, -1) {
		if m[0] == m[1] || d.Masked(m[0]) {
			continue
		}
		expand := func(t string) string {
			return strings.Join(strings.Fields(string(p.RX.Expand(nil, []byte(t), d.Text, m))), " ")
		}
		c := compare.Claim{
			Kind: p.Kind, Doc: d, Span: compare.Span{Start: m[0], End: m[1]},
			Subject: expand(p.Subject), Attr: expand(p.Attr), Value: expand(p.Value),
			Text: d.Slice(compare.Span{Start: m[0], End: m[1]}), Segment: d.SegmentAt(m[0]),
			When: env.Event.When, Marker: p.marker(),
		}
		if c.Value == "" || c.Subject == "" || c.Attr == "" {
			continue
		}
		if f, ok := parseNumber(c.Value); ok {
			c.Low, c.High = f, f
		}
		out = append(out, c)
	}
	return out
}

// Rule is the rule that compares the pattern's claims, slot by slot.
func (p *Pattern) Rule() *compare.Rule {
	return &compare.Rule{
		Name: p.Name,
		Doc: fmt.Sprintf(`sources disagree on a value matched by the user pattern %s

Defined in %s: claims of kind %s compared with mode %q.

Fires: two matches of the pattern for the same subject and attribute with different values.

Does not fire: matches that agree, or matches about different subjects.`, p.Name, p.At, p.Kind, p.Compare),
		Type:     compare.Contradiction,
		Kind:     p.Kind,
		Severity: p.Severity,
		Needs:    []compare.Kind{p.Kind},
		Run:      p.run,
	}
}

func (p *Pattern) run(pass *compare.Pass) error {
	for _, g := range pass.Groups {
		// Values in first-seen order; claims by value.
		var keys []string
		byKey := map[string][]compare.Claim{}
		for _, c := range g.Claims {
			if c.Marker != p.marker() {
				continue
			}
			k := p.key(c.Value)
			if _, ok := byKey[k]; !ok {
				keys = append(keys, k)
			}
			byKey[k] = append(byKey[k], c)
		}
		for i := range keys {
			for j := i + 1; j < len(keys); j++ {
				a, b := byKey[keys[i]], byKey[keys[j]]
				if p.agree(a[0].Value, b[0].Value) {
					continue
				}
				prefix := "sources disagree on"
				if docsOf(append(append([]compare.Claim{}, a...), b...)) == 1 {
					prefix = "the article contradicts itself on"
				}
				pass.Report(compare.Finding{
					Subject: g.Subject,
					Message: fmt.Sprintf("%s %s %s: %s vs %s", prefix, g.Subject, g.Attr, a[0].Value, b[0].Value),
					Claims:  append(append([]compare.Claim{}, a...), b...),
				})
			}
		}
	}
	return nil
}

func docsOf(cs []compare.Claim) int {
	seen := map[string]bool{}
	for _, c := range cs {
		seen[c.Doc.ID] = true
	}
	return len(seen)
}

// key is the canonical form of a value under the pattern's mode.
func (p *Pattern) key(v string) string {
	switch p.Compare {
	case CompareSet:
		return strings.Join(setItems(v), "\x00")
	case CompareInterval:
		if f, ok := parseNumber(v); ok {
			return strconv.FormatFloat(f, 'g', -1, 64)
		}
	}
	return strings.ToLower(strings.Join(strings.Fields(v), " "))
}

// agree reports whether two distinct canonical values are compatible.
func (p *Pattern) agree(a, b string) bool {
	if p.Compare != CompareInterval {
		return p.key(a) == p.key(b)
	}
	x, okx := parseNumber(a)
	y, oky := parseNumber(b)
	if !okx || !oky {
		return p.key(a) == p.key(b)
	}
	return WithinTolerance(x, y, p.Tolerance)
}

// WithinTolerance reports whether two numbers differ by at most tol of
// the larger magnitude.
func WithinTolerance(x, y, tol float64) bool {
	return math.Abs(x-y) <= tol*math.Max(math.Abs(x), math.Abs(y))
}

var setSep = regexp.MustCompile(`\s*(?:,|;|&|\band\b)\s*`)

func setItems(v string) []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range setSep.Split(strings.ToLower(v), -1) {
		it = strings.Join(strings.Fields(it), " ")
		if it != "" && !seen[it] {
			seen[it] = true
			out = append(out, it)
		}
	}
	sort.Strings(out)
	return out
}

// parseNumber reads "1,200", "3.5" or "-2"; thousands separators are
// dropped.
func parseNumber(s string) (float64, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}
