package reports

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/reports")

// goldenDir holds one golden file per format, all rendered from testReport.
const goldenDir = "../testdata/reports"

// goldenCases are the outputs compared with golden files: every format,
// plus the table in colour and at a narrow width.
var goldenCases = []struct {
	name, format, file string
	opt                Options
}{
	{"csv", "csv", "report.csv", Options{}},
	{"github", "github", "report.github.txt", Options{}},
	{"html", "html", "report.html", Options{ToolVersion: "test"}},
	{"json", "json", "report.json", Options{}},
	{"jsonl", "jsonl", "report.jsonl", Options{}},
	{"junit", "junit", "report.junit.xml", Options{ToolVersion: "test"}},
	{"markdown", "markdown", "report.md", Options{}},
	{"rdjsonl", "rdjsonl", "report.rdjsonl", Options{}},
	{"sarif", "sarif", "report.sarif", Options{ToolVersion: "test"}},
	{"table", "table", "report.table.txt", Options{}},
	{"table-color", "table", "report.table-color.txt", Options{Color: true}},
	{"table-narrow", "table", "report.table-60.txt", Options{Width: 60}},
}

// render prints the shared test report in one format.
func render(t *testing.T, format string, opt Options) []byte {
	t.Helper()
	p, err := Get(format)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := p(&buf, testReport(t), opt); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.format, tc.opt)
			path := filepath.Join(goldenDir, tc.file)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./reports -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s output differs from %s (run go test ./reports -update and review the diff)\n--- got ---\n%s", tc.format, path, got)
			}
			// Determinism: a second run prints the same bytes.
			if again := render(t, tc.format, tc.opt); !bytes.Equal(got, again) {
				t.Errorf("%s output is not deterministic", tc.format)
			}
		})
	}
}

func TestGoldenCoversEveryFormat(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range goldenCases {
		seen[tc.format] = true
	}
	for _, n := range Names() {
		if !seen[n] {
			t.Errorf("format %q has no golden file", n)
		}
	}
}

func TestGet(t *testing.T) {
	want := []string{"csv", "github", "html", "json", "jsonl", "junit", "markdown", "rdjsonl", "sarif", "table"}
	if got := Names(); !reflect.DeepEqual(got, want) {
		t.Errorf("Names() = %v, want %v", got, want)
	}
	for _, n := range want {
		if p, err := Get(n); err != nil || p == nil {
			t.Errorf("Get(%q) = %v, %v", n, p, err)
		}
	}
	for _, bad := range []string{"", "JSON", "xml", "sarif=out.sarif"} {
		_, err := Get(bad)
		if err == nil {
			t.Errorf("Get(%q): no error", bad)
			continue
		}
		if !strings.Contains(err.Error(), strings.Join(want, ", ")) {
			t.Errorf("Get(%q) error %q does not list the valid names", bad, err)
		}
	}
}
