package reports

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// compileSchema compiles a JSON schema file (with formats asserted); ref
// selects a definition inside it ("" for the root). Only the file itself
// is loaded: the schemas have no external references, and tests use no
// network.
func compileSchema(t *testing.T, path, ref string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "file:///" + filepath.Base(path)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	sch, err := c.Compile(url + ref)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, data []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	return sch.Validate(v)
}

// mutate decodes data, applies f and encodes it again, to check that the
// schema rejects what the contract forbids.
func mutate(t *testing.T, data []byte, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestJSONMatchesSchema(t *testing.T) {
	sch := compileSchema(t, "../docs/report.schema.json", "")
	out := render(t, "json", Options{})
	if err := validate(t, sch, out); err != nil {
		t.Fatalf("json output does not match docs/report.schema.json:\n%v", err)
	}
	bad := []struct {
		name string
		f    func(m map[string]any)
	}{
		{"version 2", func(m map[string]any) { m["version"] = 2 }},
		{"no summary", func(m map[string]any) { delete(m, "summary") }},
		{"bad severity", func(m map[string]any) { finding(m)["severity"] = "fatal" }},
		{"bad type", func(m map[string]any) { finding(m)["type"] = "mismatch" }},
		{"column 0", func(m map[string]any) { finding(m)["claims"].([]any)[0].(map[string]any)["column"] = 0 }},
		{"date with time", func(m map[string]any) { m["as_of"] = "2025-04-12T00:00:00Z" }},
		{"empty outlet string", func(m map[string]any) { m["documents"].([]any)[0].(map[string]any)["outlet"] = "" }},
	}
	for _, tc := range bad {
		if err := validate(t, sch, mutate(t, out, tc.f)); err == nil {
			t.Errorf("%s: schema accepts it", tc.name)
		}
	}
}

func finding(m map[string]any) map[string]any { return m["findings"].([]any)[0].(map[string]any) }

func TestJSONLMatchesSchema(t *testing.T) {
	sch := compileSchema(t, "../docs/report.schema.json", "#/definitions/finding")
	out := render(t, "jsonl", Options{})
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if want := len(testReport(t).Findings); len(lines) != want {
		t.Fatalf("jsonl: %d lines, want one per finding (%d)", len(lines), want)
	}
	for i, l := range lines {
		if err := validate(t, sch, []byte(l)); err != nil {
			t.Errorf("jsonl line %d: %v", i+1, err)
		}
	}
}

// TestSARIFMatchesSchema validates against the official OASIS schema,
// vendored in testdata/reports (see its LICENSE file).
func TestSARIFMatchesSchema(t *testing.T) {
	sch := compileSchema(t, "../testdata/reports/sarif-schema-2.1.0.json", "")
	out := render(t, "sarif", Options{ToolVersion: "1.2.3"})
	if err := validate(t, sch, out); err != nil {
		t.Fatalf("sarif output is not valid SARIF 2.1.0:\n%v", err)
	}
	broken := mutate(t, out, func(m map[string]any) {
		m["runs"].([]any)[0].(map[string]any)["columnKind"] = "bytes"
	})
	if err := validate(t, sch, broken); err == nil {
		t.Error("the SARIF schema accepts columnKind \"bytes\": the validator is not checking")
	}
}

func TestSARIFContent(t *testing.T) {
	r := testReport(t)
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID   string `json:"id"`
						Help struct {
							Text string `json:"text"`
						} `json:"help"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				Kind                string            `json:"kind"`
				RelatedLocations    []json.RawMessage `json:"relatedLocations"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Suppressions        []json.RawMessage `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(render(t, "sarif", Options{}), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	rules := run.Tool.Driver.Rules
	if len(rules) != len(r.Rules) {
		t.Errorf("%d rules in tool.driver.rules, want every rule that ran (%d)", len(rules), len(r.Rules))
	}
	for i, rl := range r.Rules {
		if i < len(rules) && (rules[i].ID != rl.Name || rules[i].Help.Text != rl.Doc) {
			t.Errorf("rule %d = %q with help %q, want %q with its doc", i, rules[i].ID, rules[i].Help.Text, rl.Name)
		}
	}
	if len(run.Results) != len(r.Findings) {
		t.Fatalf("%d results, want one per finding (%d)", len(run.Results), len(r.Findings))
	}
	for i, res := range run.Results {
		f := r.Findings[i]
		if res.RuleID != f.Rule || rules[res.RuleIndex].ID != f.Rule {
			t.Errorf("result %d: ruleId %q, ruleIndex %d, want %q", i, res.RuleID, res.RuleIndex, f.Rule)
		}
		if len(res.RelatedLocations) != len(f.Claims)-1 {
			t.Errorf("result %d: %d related locations, want the %d other claims", i, len(res.RelatedLocations), len(f.Claims)-1)
		}
		if res.PartialFingerprints[fingerprintKey] == "" {
			t.Errorf("result %d: no partial fingerprint", i)
		}
		if (f.Suppressed != "") != (len(res.Suppressions) > 0) {
			t.Errorf("result %d: suppressions %v for Suppressed %q", i, res.Suppressions, f.Suppressed)
		}
		want := map[string]string{"error": "error", "warning": "warning", "info": "note"}[f.Severity.String()]
		if f.Type == "agreement" {
			want = "none"
		}
		if res.Level != want {
			t.Errorf("result %d: level %q, want %q", i, res.Level, want)
		}
	}
}
