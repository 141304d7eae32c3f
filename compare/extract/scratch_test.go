package extract_test

import (
	"bytes"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/corpus"
	"github.com/crosscheck/crosscheck/compare/extract"
	"github.com/crosscheck/crosscheck/compare/kb"
	"github.com/crosscheck/crosscheck/compare/source"
)

// scratchDocs are varied documents in an order that alternates long and
// short ones, files with markup and generated articles, so that state a
// Scratch kept from one document would show in the next: the seeds, the
// source samples and HTML pages, generated articles, and one document
// far larger than the rest (past the token buffer a Scratch keeps).
func scratchDocs(t *testing.T, k *kb.KB) []*compare.Document {
	t.Helper()
	// The samples hold broken records on purpose: their errors are not
	// this test's business.
	files, _ := source.Load([]string{"../../testdata/seeds", "../../testdata/source"}, source.Options{})
	var buf bytes.Buffer
	if _, err := corpus.Generate(&buf, k, corpus.GenOptions{Articles: 400, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	gen, errs := source.Load([]string{"-"}, source.Options{Stdin: &buf, StdinFormat: "jsonl"})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	var big bytes.Buffer
	for _, d := range gen {
		big.Write(d.Text)
		big.WriteString("\n\n")
	}
	huge, errs := source.Load([]string{"-"}, source.Options{Stdin: &big, StdinFormat: "txt"})
	if len(errs) > 0 || len(huge) != 1 {
		t.Fatalf("big document: %v", errs)
	}
	if len(files) < 5 || len(gen) < 300 {
		t.Fatalf("%d files, %d generated articles: fixtures missing", len(files), len(gen))
	}
	var docs []*compare.Document
	for i, d := range gen {
		docs = append(docs, d, files[i%len(files)])
		if i == len(gen)/2 {
			docs = append(docs, huge[0], d, d)
		}
	}
	ref := time.Date(2025, 4, 12, 0, 0, 0, 0, time.UTC)
	for _, d := range docs {
		if d.Published != nil {
			d.Reference, d.ReferenceFrom = *d.Published, "published"
		} else {
			d.Reference, d.ReferenceFrom = ref, "as-of"
		}
	}
	return docs
}

// TestScratchSameClaims: extracting document after document on one
// Scratch and one claims buffer gives exactly the claims, tokens,
// matches, sentences and event that a fresh Env gives, and the claims
// kept from earlier documents are unchanged at the end.
func TestScratchSameClaims(t *testing.T) {
	k, err := kb.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	gaz := extract.NewGazetteer(k)
	docs := scratchDocs(t, k)
	// Some documents get every kind, some a few: the claims buffer then
	// holds more or fewer than the last time.
	kindSets := [][]compare.Kind{nil, {compare.KindQuantity, compare.KindOffice}, nil, {compare.KindDate, compare.KindWeekday}}
	var sc extract.Scratch
	var buf []compare.Claim
	kept := make([][]compare.Claim, len(docs))
	want := make([][]compare.Claim, len(docs))
	for i, d := range docs {
		opt := extract.Options{DayFirst: i%3 == 0}
		kinds := kindSets[i%len(kindSets)]
		fresh := extract.NewEnv(d, k, gaz, opt)
		want[i] = extract.Run(fresh, kinds)
		env := sc.NewEnv(d, k, gaz, opt)
		buf = extract.AppendRun(buf[:0], env, kinds)
		if !sameClaims(buf, want[i]) {
			t.Fatalf("doc %d (%s): scratch claims differ:\n got %+v\nwant %+v", i, d.ID, buf, want[i])
		}
		for _, part := range []struct {
			name      string
			got, want any
		}{
			{"tokens", env.Tokens, fresh.Tokens},
			{"matches", env.Matches(), fresh.Matches()},
			{"sentences", env.Sentences(), fresh.Sentences()},
			{"event", env.Event, fresh.Event},
			{"timexes", env.Timexes, fresh.Timexes},
		} {
			if !sameParts(part.got, part.want) {
				t.Fatalf("doc %d (%s): scratch %s differ:\n got %+v\nwant %+v", i, d.ID, part.name, part.got, part.want)
			}
		}
		kept[i] = slices.Clone(buf)
	}
	for i := range docs {
		if !sameClaims(kept[i], want[i]) {
			t.Fatalf("doc %d (%s): claims kept from the scratch changed later", i, docs[i].ID)
		}
	}
}

// sameParts is reflect.DeepEqual, with nil and empty slices alike.
func sameParts(a, b any) bool {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	if va.Kind() == reflect.Slice && vb.Kind() == reflect.Slice && (va.Len() == 0 || vb.Len() == 0) {
		return va.Len() == vb.Len()
	}
	return reflect.DeepEqual(a, b)
}

// sameClaims is reflect.DeepEqual, with nil and empty alike.
func sameClaims(a, b []compare.Claim) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	return reflect.DeepEqual(a, b)
}

// TestAppendRunKeepsDst: AppendRun leaves the claims already in dst as
// they were and sorts only its own.
func TestAppendRunKeepsDst(t *testing.T) {
	k, err := kb.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	gaz := extract.NewGazetteer(k)
	docs := scratchDocs(t, k)[:6]
	var all []compare.Claim
	var want []compare.Claim
	for _, d := range docs {
		all = extract.AppendRun(all, extract.NewEnv(d, k, gaz, extract.Options{}), nil)
		want = append(want, extract.Run(extract.NewEnv(d, k, gaz, extract.Options{}), nil)...)
	}
	if len(want) == 0 || !reflect.DeepEqual(all, want) {
		t.Fatalf("AppendRun over %d documents: %d claims, want %d (or differing)", len(docs), len(all), len(want))
	}
}
