package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/compare/kb"
)

func runKB(t *testing.T, args ...string) (string, error) {
	t.Helper()
	cmd := kbCommand(kb.Embedded)
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(args)
	cmd.SilenceUsage = true
	cmd.SilenceErrors = true
	err := cmd.Execute()
	return out.String(), err
}

func TestKBCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	inconsistent := filepath.Join(dir, "inconsistent.yaml")
	files := map[string]string{
		good: "people:\n  - {id: test-person, name: Test Person, source: test}\n",
		bad:  "people:\n  - id: test-person\n    nmae: Test\n",
		inconsistent: `terms:
  - person: mohammad-javad-zarif
    office: IR/foreign-minister
    from: 2022-01-01
    to: 2023-01-01
`,
	}
	for name, content := range files {
		if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		args    []string
		want    []string // substrings of stdout, in order
		wantErr string   // substring of the error; "" for none
	}{
		{[]string{"who", "foreign minister of Iran", "--at", "2024-06-01"},
			[]string{"Foreign Minister of Iran (IR/foreign-minister) on 2024-06-01:", "Ali Bagheri Kani (acting)  2024-05-20 – 2024-08-21", "source: FDD"}, ""},
		{[]string{"who", "IR/foreign-minister", "--at", "2022-01-01"},
			[]string{"Hossein Amir-Abdollahian  2021-08-25 – 2024-05-19 (died 2024-05-19; died in office", "source: Wikidata"}, ""},
		{[]string{"who", "Tehran's top diplomat", "--at", "2025-04-12"}, []string{"Abbas Araghchi  2024-08-21 – present"}, ""},
		{[]string{"who", "IR/foreign-minister", "--at", "1960-01-01"}, []string{"nobody in the kb", "after:  Ali Akbar Velayati"}, ""},
		{[]string{"who", "emperor of Atlantis"}, nil, `no office in the kb is named "emperor of Atlantis"`},
		{[]string{"who", "IR/foreign-minister", "--at", "June 2024"}, nil, "--at: bad date"},
		{[]string{"person", "Abdollahian"},
			[]string{"Hossein Amir-Abdollahian (hossein-amir-abdollahian)", "died: 2024-05-19", "Foreign Minister of Iran (IR/foreign-minister)  2021-08-25 – 2024-05-19"}, ""},
		{[]string{"person", "Araqchi"}, []string{"Abbas Araghchi (abbas-araghchi)", "(IR/foreign-minister)  2024-08-21 – present"}, ""},
		{[]string{"person", "Nobody Nowhere"}, nil, `no person in the kb matches "Nobody Nowhere"`},
		{[]string{"check", good}, []string{good + ": ok"}, ""},
		{[]string{"check", bad}, nil, bad + `:3:5: unknown field "nmae"`},
		{[]string{"check", inconsistent}, []string{inconsistent + ":2:5: hossein-amir-abdollahian (from 2021-08-25) and mohammad-javad-zarif (from 2022-01-01) hold", "has no source"}, "exit 1"},
	}
	for _, tt := range tests {
		out, err := runKB(t, tt.args...)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("kb %q: error %v", tt.args, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("kb %q: error %v, want %q", tt.args, err, tt.wantErr)
		}
		rest := out
		for _, w := range tt.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("kb %q: output lacks %q (in order):\n%s", tt.args, w, out)
				break
			}
			rest = rest[i+len(w):]
		}
	}
	if _, err := runKB(t, "check", filepath.Join(dir, "missing.yaml")); err == nil || errors.As(err, new(exitError)) {
		t.Errorf("check of a missing file: %v, want a plain error", err)
	}
}
