// Command timexeval runs the temporal tagger over TempEval gold texts
// (<doc>.txt with <doc>.json holding the document creation time) and writes
// the JSON Lines the TempEval scorer reads (testdata/tempeval/score.py).
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/compare/extract/temporal"
)

func main() {
	gold := flag.String("gold", "testdata/tempeval/gold/test", "directory of <doc>.txt and <doc>.json")
	out := flag.String("o", "-", "output JSONL path (- for stdout)")
	flag.Parse()
	if err := run(*gold, *out); err != nil {
		fmt.Fprintln(os.Stderr, "timexeval:", err)
		os.Exit(1)
	}
}

type goldMeta struct {
	Doc string `json:"doc"`
	DCT string `json:"dct"`
}

type record struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
	Mod   string `json:"mod,omitempty"`
}

func run(gold, out string) error {
	metas, err := filepath.Glob(filepath.Join(gold, "*.json"))
	if err != nil {
		return fmt.Errorf("listing %s: %w", gold, err)
	}
	if len(metas) == 0 {
		return fmt.Errorf("no *.json files in %s", gold)
	}
	sort.Strings(metas)
	w := os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("creating output: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	for _, m := range metas {
		raw, err := os.ReadFile(m)
		if err != nil {
			return fmt.Errorf("reading %s: %w", m, err)
		}
		var g goldMeta
		if err := json.Unmarshal(raw, &g); err != nil {
			return fmt.Errorf("parsing %s: %w", m, err)
		}
		var ref time.Time
		if len(g.DCT) >= 10 {
			if ref, err = time.Parse("2006-01-02", g.DCT[:10]); err != nil {
				return fmt.Errorf("%s: bad dct %q: %w", m, g.DCT, err)
			}
		}
		text, err := os.ReadFile(strings.TrimSuffix(m, ".json") + ".txt")
		if err != nil {
			return fmt.Errorf("reading text: %w", err)
		}
		for _, t := range temporal.Tag(text, ref, temporal.Options{}) {
			if err := enc.Encode(record{Doc: g.Doc, Start: t.Start, End: t.End, Text: t.Text, Type: t.Type, Value: t.Value, Mod: t.Mod}); err != nil {
				return fmt.Errorf("writing: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing: %w", err)
	}
	return nil
}
