package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// countries converts a "CODE|Name|demonym;…|Capital|alias;…" table into
// the countries section of data/countries.yaml.
func countries(in io.Reader, out io.Writer) error {
	fmt.Fprintln(out, "# countries.yaml — every ISO 3166-1 country and territory, plus the organisations and")
	fmt.Fprintln(out, "# non-state actors that have offices. Names: ISO 3166-1 / tz iso3166.tab, in common English form.")
	fmt.Fprintln(out, "countries:")
	sc := bufio.NewScanner(in)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 5 {
			return fmt.Errorf("bad line %q: want 5 fields", line)
		}
		src := "ISO 3166-1 (tz iso3166.tab)"
		if len(f[0]) > 2 || f[0] == "EU" || f[0] == "UN" || f[0] == "AU" || f[0] == "WB" || f[0] == "XK" {
			src = "https://en.wikipedia.org/wiki/" + strings.ReplaceAll(f[1], " ", "_")
		}
		fmt.Fprintf(out, "  - code: %s\n    name: %s\n", f[0], quote(f[1]))
		if l := list(f[2]); l != "" {
			fmt.Fprintf(out, "    demonyms: %s\n", l)
		}
		if f[3] != "" {
			fmt.Fprintf(out, "    capital: %s\n", quote(f[3]))
		}
		if l := list(f[4]); l != "" {
			fmt.Fprintf(out, "    aliases: %s\n", l)
		}
		fmt.Fprintf(out, "    source: %s\n", quote(src))
	}
	return sc.Err()
}

func list(s string) string {
	if s == "" {
		return ""
	}
	var q []string
	for _, x := range strings.Split(s, ";") {
		q = append(q, quote(x))
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func quote(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

func runCountries(args []string) error {
	if len(args) != 1 {
		return fmt.Errorf("usage: gen countries TABLE > countries.yaml")
	}
	f, err := os.Open(args[0])
	if err != nil {
		return err
	}
	defer f.Close()
	return countries(f, os.Stdout)
}
