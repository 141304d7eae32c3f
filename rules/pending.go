package rules

import "github.com/crosscheck/crosscheck/compare"

func pendingRule(name string, t compare.Type, k compare.Kind) *compare.Rule {
	return &compare.Rule{Name: name, Doc: name + "\n\nFires: x\n\nDoes not fire: y", Type: t, Kind: k, Severity: compare.Error,
		Run: func(*compare.Pass) error { return nil }}
}

var (
	OfficeHolderMismatch      = pendingRule("office-holder-mismatch", compare.Contradiction, compare.KindOffice)
	OfficeAnachronism         = pendingRule("office-anachronism", compare.Anachronism, compare.KindOffice)
	AdministrationMismatch    = pendingRule("administration-mismatch", compare.Contradiction, compare.KindAdministration)
	AdministrationAnachronism = pendingRule("administration-anachronism", compare.Anachronism, compare.KindAdministration)
	FormerAnachronism         = pendingRule("former-anachronism", compare.Anachronism, compare.KindAdministration)
	EraMismatch               = pendingRule("era-mismatch", compare.Contradiction, compare.KindEra)
)
