// Command gen converts staged source data into compare/kb data files. It
// is a one-off helper, run by hand; its output is edited and committed.
//
//	go run ./compare/kb/internal/gen countries compare/kb/internal/gen/countries.txt > compare/kb/data/countries.yaml
//	go run ./compare/kb/internal/gen holders -country IR -source "Wikidata via every-politician-scrapers/iran-ministers@a8e7c2fb" \
//	    -map "Minister of Foreign Affairs=foreign-minister,President=president" -since 1990 FILE.holders21.csv [FILE.bio.csv]
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gen countries|holders ARGS")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "countries":
		err = runCountries(os.Args[2:])
	case "holders":
		err = runHolders(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
