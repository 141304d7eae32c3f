package main

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/spf13/cobra"

	"github.com/crosscheck/crosscheck/compare"
	"github.com/crosscheck/crosscheck/compare/check"
	"github.com/crosscheck/crosscheck/compare/extract"
)

// claimJSON is one line of `crosscheck extract --format jsonl`.
type claimJSON struct {
	Doc       string `json:"doc"`
	Path      string `json:"path"`
	Kind      string `json:"kind"`
	Subject   string `json:"subject"`
	Attr      string `json:"attr"`
	Text      string `json:"text"`
	Value     string `json:"value"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	Segment   string `json:"segment,omitempty"`
	Timex     string `json:"timex,omitempty"`
	TimexType string `json:"timex_type,omitempty"`
	Mod       string `json:"mod,omitempty"`
	Speaker   string `json:"speaker,omitempty"`
	Marker    string `json:"marker,omitempty"`
}

func newExtractCmd(env *cliEnv) *cobra.Command {
	f := &inputFlags{}
	var format string
	var kinds []string
	cmd := &cobra.Command{
		Use:   "extract [flags] PATH...",
		Short: "Print the claims found in articles, one JSON object per line",
		Long: `Extract prints every claim the extractors find, and every temporal expression (kind
"timex", with its TIMEX3 value and type), as JSON Lines sorted by document and offset.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "jsonl" {
				return fmt.Errorf("--format %q: extract writes jsonl", format)
			}
			asOf, err := f.parseAsOf()
			if err != nil {
				return err
			}
			k, err := f.loadKB()
			if err != nil {
				return err
			}
			docs, loadErrs := f.load(env, args)
			failed := printLoadErrors(env.stderr, loadErrs)
			sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
			check.SetReferences(docs, asOf, nowUTC())
			gaz := extract.NewGazetteer(k)
			var want []compare.Kind
			for _, kd := range kinds {
				want = append(want, compare.Kind(kd))
			}
			enc := json.NewEncoder(env.stdout)
			enc.SetEscapeHTML(false)
			for _, d := range docs {
				xenv := extract.NewEnv(d, k, gaz, extract.Options{DayFirst: f.dayFirst})
				lines := extractLines(xenv, want)
				for _, l := range lines {
					if err := enc.Encode(l); err != nil {
						return fmt.Errorf("writing output: %w", err)
					}
				}
			}
			if failed {
				return exitError{ExitError}
			}
			return nil
		},
	}
	f.register(cmd)
	cmd.Flags().StringVar(&format, "format", "jsonl", "output format (jsonl)")
	cmd.Flags().StringArrayVar(&kinds, "kind", nil, "only claims of this kind (repeatable): weekday, date, office, administration, ordinal, location, quantity, quote, timex")
	return cmd
}

func extractLines(env *extract.Env, want []compare.Kind) []claimJSON {
	wantTimex := len(want) == 0
	var kinds []compare.Kind
	for _, k := range want {
		if k == compare.KindTimex {
			wantTimex = true
		} else {
			kinds = append(kinds, k)
		}
	}
	var out []claimJSON
	d := env.Doc
	if len(want) == 0 || len(kinds) > 0 {
		for _, c := range extract.Run(env, kinds) {
			pos := d.Position(c.Span.Start)
			out = append(out, claimJSON{
				Doc: d.ID, Path: d.Path, Kind: string(c.Kind), Subject: c.Subject, Attr: c.Attr,
				Text: c.Text, Value: c.Value, Start: c.Span.Start, End: c.Span.End,
				Line: pos.Line, Column: pos.Column, Segment: string(c.Segment),
				Timex: c.Timex, TimexType: c.TimexType, Speaker: c.Speaker, Marker: c.Marker,
			})
		}
	}
	if wantTimex {
		for _, t := range env.Timexes {
			pos := d.Position(t.Start)
			out = append(out, claimJSON{
				Doc: d.ID, Path: d.Path, Kind: string(compare.KindTimex), Text: t.Text, Value: t.Value,
				Start: t.Start, End: t.End, Line: pos.Line, Column: pos.Column,
				Segment: string(d.SegmentAt(t.Start)), Timex: t.Value, TimexType: t.Type, Mod: t.Mod,
			})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Start != out[j].Start {
			return out[i].Start < out[j].Start
		}
		return out[i].Kind < out[j].Kind
	})
	return out
}
