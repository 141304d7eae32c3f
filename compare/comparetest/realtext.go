package comparetest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/source"
	"github.com/crosscheck/crosscheck/rules"
)

// RealText is the result of checking real, published articles one by one.
// Edited news rarely contradicts itself or names an official out of
// office, so every contradiction or anachronism found in an article alone
// is, until someone shows otherwise, a false alarm: the figure measures
// how often the tool cries wolf on text nobody wrote for it.
type RealText struct {
	Articles, Claims int
	Alarms           []Alarm // sorted by article, then message
}

// Alarm is a finding raised on a real article checked alone.
type Alarm struct {
	Article string
	Finding compare.Finding
}

// CheckAlone runs every article through the whole pipeline with all rules,
// each in a story of its own. Paths name files the loader reads
// (Markdown, text, HTML) or TempEval gold texts (<doc>.txt beside
// <doc>.json), which are given their document creation time as the
// publication date; tmp is a scratch directory.
func (r *Runner) CheckAlone(paths []string, tmp string) (*RealText, error) {
	res := &RealText{}
	for i, p := range paths {
		path, err := realArticle(p, filepath.Join(tmp, fmt.Sprintf("a%04d", i)))
		if err != nil {
			return nil, err
		}
		docs, errs := source.Load([]string{path}, source.Options{})
		for _, e := range errs {
			if !source.IsWarning(e) {
				return nil, fmt.Errorf("%s: %w", p, e)
			}
		}
		cfg := check.Config{
			Rules:     rules.All(),
			KB:        r.kb,
			Gazetteer: r.gaz,
			Now:       time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC),
			Workers:   1,
		}
		rep, err := check.Run(context.Background(), docs, cfg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		// The claims again, counted: the report keeps only findings.
		claims, err := check.Extract(context.Background(), docs, r.kb, r.gaz, check.NeededKinds(cfg.Rules), cfg)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		res.Articles++
		res.Claims += len(claims)
		for _, f := range rep.Findings {
			if f.Type == compare.Contradiction || f.Type == compare.Anachronism {
				res.Alarms = append(res.Alarms, Alarm{Article: filepath.Base(p), Finding: f})
			}
		}
	}
	sort.SliceStable(res.Alarms, func(i, j int) bool {
		a, b := res.Alarms[i], res.Alarms[j]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		return a.Finding.Message < b.Finding.Message
	})
	return res, nil
}

// realArticle returns a path the loader reads for p: p itself, or for a
// TempEval text a Markdown copy in dir dated by its document creation time.
func realArticle(p, dir string) (string, error) {
	meta := strings.TrimSuffix(p, ".txt") + ".json"
	if !strings.HasSuffix(p, ".txt") {
		return p, nil
	}
	data, err := os.ReadFile(meta)
	if os.IsNotExist(err) {
		return p, nil
	}
	if err != nil {
		return "", err
	}
	var m struct {
		Doc string `json:"doc"`
		DCT string `json:"dct"`
	}
	if err := json.Unmarshal(data, &m); err != nil {
		return "", fmt.Errorf("%s: %w", meta, err)
	}
	if len(m.DCT) > 10 {
		m.DCT = m.DCT[:10] // "1990-08-15T13:37": the day is the publication date
	}
	if _, err := time.Parse("2006-01-02", m.DCT); err != nil {
		return "", fmt.Errorf("%s: document creation time: %w", meta, err)
	}
	text, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	out := filepath.Join(dir, m.Doc+".md")
	md := fmt.Sprintf("---\ntitle: %q\ndate: %s\n---\n%s\n", m.Doc, m.DCT, strings.TrimSpace(string(text)))
	return out, os.WriteFile(out, []byte(md), 0o644)
}

// Print writes the counts, then every alarm with its evidence.
func (rt *RealText) Print(w io.Writer, details bool) {
	var contra, anach int
	for _, a := range rt.Alarms {
		if a.Finding.Type == compare.Anachronism {
			anach++
		} else {
			contra++
		}
	}
	per := 0.0
	if rt.Claims > 0 {
		per = 1000 * float64(len(rt.Alarms)) / float64(rt.Claims)
	}
	fmt.Fprintf(w, "%d articles · %d claims · %d contradictions · %d anachronisms (%.2f per 1,000 claims; each is a false alarm unless the article errs)\n",
		rt.Articles, rt.Claims, contra, anach, per)
	if !details {
		return
	}
	for _, a := range rt.Alarms {
		fmt.Fprintf(w, "  %s  %s\n", a.Article, Describe(a.Finding))
	}
}
