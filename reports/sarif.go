package reports

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck/compare"
)

// SARIF 2.1.0, the subset crosscheck fills. Hand-written rather than
// go-sarif's builders: a few structs keep field order and omission under
// our control (golden files, GitHub code scanning's expectations) and
// keep the dependency out of the binary.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	ColumnKind  string            `json:"columnKind"`
	Results     []sarifResult     `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Kind                string            `json:"kind"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	Suppressions        []sarifSuppress   `json:"suppressions,omitempty"`
	Properties          map[string]any    `json:"properties"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

type sarifSuppress struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification"`
}

const (
	sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	projectURI     = "https://github.com/crosscheck/crosscheck"
	// fingerprintKey names crosscheck's partial fingerprint; bump the
	// suffix if the fingerprint's recipe ever changes.
	fingerprintKey = "crosscheckFinding/v1"
)

// SARIF prints a SARIF 2.1.0 log: one result per finding with the primary
// claim as its location and the other claims as relatedLocations, every
// rule that ran in tool.driver.rules (with or without findings), columns
// in Unicode code points, and documents that failed to load as tool
// execution notifications.
func SARIF(w io.Writer, r *compare.Report, opt Options) error {
	rules, index := sarifRules(r)
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name: "crosscheck", Version: opt.ToolVersion, InformationURI: projectURI, Rules: rules,
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: true}},
		ColumnKind:  "unicodeCodePoints",
		Results:     []sarifResult{},
	}
	for _, e := range r.Errors {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications, sarifNotification{
			Level: "error", Message: sarifText{Text: oneLine(e.Message)},
			Locations: []sarifLocation{{PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{URI: relPath(e.Path, opt.BaseDir)}}}},
		})
	}
	for _, f := range r.Findings {
		run.Results = append(run.Results, sarifResultFor(f, index[f.Rule], opt))
	}
	log := sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("sarif report: %w", err)
	}
	return nil
}

// sarifRules describes every rule that ran, in report order, then any
// rule a finding names that the report does not list (so that every
// ruleIndex resolves).
func sarifRules(r *compare.Report) ([]sarifRule, map[string]int) {
	index := map[string]int{}
	rules := []sarifRule{}
	add := func(sr sarifRule) {
		index[sr.ID] = len(rules)
		rules = append(rules, sr)
	}
	for _, rl := range r.Rules {
		if rl == nil {
			continue
		}
		if _, dup := index[rl.Name]; dup {
			continue
		}
		title, body := splitDoc(rl.Doc)
		if body == "" {
			body = title
		}
		add(sarifRule{
			ID: rl.Name, Name: pascal(rl.Name),
			ShortDescription:     sarifText{Text: title},
			FullDescription:      sarifText{Text: body},
			Help:                 sarifText{Text: rl.Doc, Markdown: docMarkdown(rl.Doc)},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(rl.Severity)},
			Properties:           map[string]any{"tags": []string{string(rl.Type), string(rl.Kind)}},
		})
	}
	for _, f := range r.Findings {
		if _, ok := index[f.Rule]; ok {
			continue
		}
		add(sarifRule{
			ID: f.Rule, Name: pascal(f.Rule),
			ShortDescription: sarifText{Text: f.Rule}, FullDescription: sarifText{Text: f.Rule}, Help: sarifText{Text: f.Rule},
			DefaultConfiguration: sarifConfig{Level: sarifLevel(f.Severity)},
			Properties:           map[string]any{"tags": []string{string(f.Type), string(f.Kind)}},
		})
	}
	return rules, index
}

func sarifResultFor(f compare.Finding, ruleIndex int, opt Options) sarifResult {
	res := sarifResult{
		RuleID: f.Rule, RuleIndex: ruleIndex, Kind: "fail", Level: sarifLevel(f.Severity),
		Message:             sarifText{Text: sarifMessage(f)},
		Locations:           []sarifLocation{},
		PartialFingerprints: map[string]string{fingerprintKey: fingerprint(f)},
		Properties: map[string]any{
			"findingId": f.ID, "type": f.Type, "kind": f.Kind, "subject": f.Subject, "severity": f.Severity.String(),
		},
	}
	// An agreement is a check that passed; SARIF requires level "none"
	// for anything but a failure.
	if f.Type == compare.Agreement {
		res.Kind, res.Level = "pass", "none"
	}
	for i, c := range f.Claims {
		l := sarifLocationFor(c, opt)
		if i == 0 {
			res.Locations = append(res.Locations, l)
			continue
		}
		id := i
		l.ID = &id
		l.Message = &sarifText{Text: fmt.Sprintf("%s: “%s”", docID(c), oneLine(c.Text))}
		res.RelatedLocations = append(res.RelatedLocations, l)
	}
	if len(f.Evidence) > 0 {
		ev := make([]string, len(f.Evidence))
		for i, e := range f.Evidence {
			ev[i] = e.Text
		}
		res.Properties["evidence"] = ev
	}
	if f.Diff != nil {
		res.Properties["diff"] = f.Diff.Unified
	}
	if f.Suppressed != "" {
		res.Suppressions = []sarifSuppress{{Kind: "inSource", Justification: oneLine(f.Suppressed)}}
	}
	return res
}

// sarifMessage is the finding's message, then its kb evidence and word
// diff, which code-scanning UIs show nowhere else.
func sarifMessage(f compare.Finding) string {
	var b strings.Builder
	b.WriteString(oneLine(f.Message))
	for _, e := range f.Evidence {
		b.WriteString("\nkb: " + oneLine(e.Text))
	}
	if f.Diff != nil {
		b.WriteString("\ndiff: " + oneLine(f.Diff.Unified))
	}
	return b.String()
}

func sarifLocationFor(c compare.Claim, opt Options) sarifLocation {
	l := locate(c)
	reg := &sarifRegion{StartLine: max(l.Line, 1), StartColumn: max(l.Column, 1), EndLine: max(l.EndLine, 1), EndColumn: max(l.EndCol, 1)}
	if c.Text != "" {
		reg.Snippet = &sarifText{Text: c.Text}
	}
	return sarifLocation{PhysicalLocation: &sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: uriPath(relPath(l.Path, opt.BaseDir))},
		Region:           reg,
	}}
}

// uriPath escapes a slash-separated path for a URI reference: spaces,
// '#', '%' and other characters a path may hold but a URI may not.
func uriPath(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		ch := p[i]
		if ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || strings.IndexByte("-._~/!$&'()*+,;=:@", ch) >= 0 {
			b.WriteByte(ch)
		} else {
			fmt.Fprintf(&b, "%%%02X", ch)
		}
	}
	return b.String()
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(s compare.Severity) string {
	switch s {
	case compare.Error:
		return "error"
	case compare.Warning:
		return "warning"
	case compare.Info:
		return "note"
	default:
		return "none"
	}
}

// splitDoc returns a rule doc's title line and the rest, trimmed.
func splitDoc(doc string) (title, body string) {
	title, body, _ = strings.Cut(strings.TrimSpace(doc), "\n")
	return strings.TrimSpace(title), strings.TrimSpace(body)
}

// docMarkdown renders a rule doc for Markdown viewers: the title as a
// heading; the rest is already Markdown-shaped (indented examples).
func docMarkdown(doc string) string {
	title, body := splitDoc(doc)
	if body == "" {
		return "**" + title + "**"
	}
	return "**" + title + "**\n\n" + body
}

// pascal turns "weekday-mismatch" into "WeekdayMismatch", SARIF's
// convention for reportingDescriptor.name.
func pascal(name string) string {
	var b strings.Builder
	for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }) {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}
