package extract

import "github.com/crosscheck/crosscheck/compare"

// Office and Administration are filled in by office.go/administration.go.
var (
	Office         = &Extractor{Name: "office", Kinds: []compare.Kind{compare.KindOffice}, Run: func(*Env) []compare.Claim { return nil }}
	Administration = &Extractor{Name: "administration", Kinds: []compare.Kind{compare.KindAdministration}, Run: func(*Env) []compare.Claim { return nil }}
)
