package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestSeedsGolden runs the whole pipeline on the user's three seed
// articles, in-process, and compares the JSON report with the golden file
// (go test ./cmd/crosscheck -run TestSeedsGolden -update to accept a
// change). The expectations with reasons are in testdata/rules/seeds.
func TestSeedsGolden(t *testing.T) {
	var stdout, stderr bytes.Buffer
	args := []string{"check", "--format", "json", "--as-of", "2025-04-12", "--no-config", filepath.Join("..", "..", "testdata", "seeds")}
	code := run(args, nil, &stdout, &stderr)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d (the seeds have errors); stderr: %s", code, ExitFindings, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr: %s", stderr.String())
	}
	golden := filepath.Join("..", "..", "testdata", "seeds.golden.json")
	if *update {
		if err := os.WriteFile(golden, stdout.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stdout.Bytes(), want) {
		t.Errorf("seed report differs from %s (run with -update to accept)\n--- got ---\n%s", golden, stdout.String())
	}
}
