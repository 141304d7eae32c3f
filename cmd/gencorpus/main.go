// Command gencorpus writes a deterministic corpus of multi-outlet news
// stories with planted inconsistencies, and its ground truth, for
// measuring `crosscheck corpus` (make bench-corpus).
//
//	gencorpus -n 100000 -seed 1 -out corpus.jsonl.gz -truth truth.json
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crosscheck/crosscheck/compare/corpus"
	"github.com/crosscheck/crosscheck/compare/kb"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 1000, "number of articles")
	seed := fl.Uint64("seed", 1, "seed: the same seed gives the same corpus")
	out := fl.String("out", "-", "JSON Lines output file (.gz to compress); - for standard output")
	truthPath := fl.String("truth", "", "write the ground truth JSON here")
	rate := fl.Float64("errors", 0.5, "share of stories with a planted inconsistency")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if err := generate(*n, *seed, *rate, *out, *truthPath, stdout); err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	return 0
}

func generate(n int, seed uint64, rate float64, out, truthPath string, stdout io.Writer) (err error) {
	k, err := kb.Embedded()
	if err != nil {
		return fmt.Errorf("loading the knowledge base: %w", err)
	}
	w := stdout
	if out != "-" {
		fh, err := os.Create(out)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, fh.Close()) }()
		bw := bufio.NewWriterSize(fh, 1<<20)
		defer func() { err = errors.Join(err, bw.Flush()) }()
		w = bw
		if strings.HasSuffix(out, ".gz") {
			zw := gzip.NewWriter(bw)
			defer func() { err = errors.Join(err, zw.Close()) }()
			w = zw
		}
	}
	truth, err := corpus.Generate(w, k, corpus.GenOptions{Articles: n, Seed: seed, ErrorRate: rate})
	if err != nil {
		return err
	}
	if truthPath == "" {
		return nil
	}
	data, err := json.MarshalIndent(truth, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(truthPath, append(data, '\n'), 0o644)
}
