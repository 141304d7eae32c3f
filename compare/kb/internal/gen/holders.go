package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"

	"golang.org/x/text/unicode/norm"
)

type row map[string]string

func readCSV(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var rows []row
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return rows, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		x := row{}
		for i, h := range head {
			if i < len(rec) {
				x[h] = rec[i]
			}
		}
		rows = append(rows, x)
	}
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slug(name string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(strings.ToLower(name)) {
		if r < 0x80 {
			b.WriteRune(r)
		}
	}
	return strings.Trim(nonSlug.ReplaceAllString(b.String(), "-"), "-")
}

// runHolders prints people and terms for the mapped positions of a
// holders21.csv (with birth and death from its own columns or a bio.csv).
func runHolders(args []string) error {
	fs := flag.NewFlagSet("holders", flag.ContinueOnError)
	country := fs.String("country", "", "country code, e.g. IR")
	source := fs.String("source", "", "source string for every fact")
	mapping := fs.String("map", "", "position=role-slug,… (office id COUNTRY/role-slug)")
	since := fs.String("since", "1990", "drop terms that ended before this date")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() < 1 || *country == "" || *mapping == "" {
		return fmt.Errorf("usage: gen holders -country CC -source S -map 'Pos=role,…' HOLDERS.csv [BIO.csv]")
	}
	roles := map[string]string{}
	for _, kv := range strings.Split(*mapping, ",") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return fmt.Errorf("bad -map entry %q", kv)
		}
		roles[k] = v
	}
	rows, err := readCSV(fs.Arg(0))
	if err != nil {
		return err
	}
	bio := map[string]row{}
	if fs.NArg() > 1 {
		brows, err := readCSV(fs.Arg(1))
		if err != nil {
			return err
		}
		for _, b := range brows {
			bio[b["id"]] = b
		}
	}
	type person struct{ id, name, qid, born, died string }
	people := map[string]*person{}
	var order []string
	var terms []string
	for _, r := range rows {
		role, ok := roles[r["position"]]
		if !ok {
			continue
		}
		if end := r["end"]; end != "" && end < *since {
			continue
		}
		q := r["personID"]
		p := people[q]
		if p == nil {
			p = &person{id: slug(r["person"]), name: r["person"], qid: q, born: r["DOB"], died: r["DOD"]}
			if b, ok := bio[q]; ok {
				p.born, p.died = b["dob"], b["dod"]
			}
			people[q] = p
			order = append(order, q)
		}
		t := fmt.Sprintf("  - person: %s\n    office: %s/%s\n    from: %s\n", p.id, *country, role, r["start"])
		if r["end"] != "" {
			t += fmt.Sprintf("    to: %s\n", r["end"])
		}
		t += fmt.Sprintf("    source: %q\n", *source)
		terms = append(terms, t)
	}
	sort.Strings(order)
	fmt.Println("people:")
	for _, q := range order {
		p := people[q]
		fmt.Printf("  - id: %s\n    name: %q\n", p.id, p.name)
		if p.born != "" {
			fmt.Printf("    born: %s\n", p.born)
		}
		if p.died != "" {
			fmt.Printf("    died: %s\n", p.died)
		}
		fmt.Printf("    source: \"Wikidata %s\"\n", p.qid)
	}
	fmt.Println("terms:")
	for _, t := range terms {
		fmt.Print(t)
	}
	return nil
}
