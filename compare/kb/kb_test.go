package kb

import (
	"os"
	"strings"
	"testing"
	"time"
)

func mustDate(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func embeddedKB(t testing.TB) *KB {
	t.Helper()
	k, err := Embedded()
	if err != nil {
		t.Fatalf("Embedded: %v", err)
	}
	return k
}

func smallKB(t testing.TB) *KB {
	t.Helper()
	data, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	k := New()
	if err := k.Add("testdata/small.yaml", data); err != nil {
		t.Fatal(err)
	}
	return k
}

func TestFold(t *testing.T) {
	same := [][2]string{
		{"Araghchi", "Araqchi"},
		{"Albusaidi", "al-Busaidi"},
		{"Albusaidi", "Al Busaidi"},
		{"Badr Albusaidi", "Badr al-Busaidi"},
		{"Amir-Abdollahian", "Amirabdollahian"},
		{"Amir-Abdollahian", "Amir Abdollahian"},
		{"Khamenei", "Khamenei"},
		{"Mohammad Javad Zarif", "Mohammad-Javad Zarif"},
		{"Zelensky", "Zelenskyy"},
		{"Ghalibaf", "Qalibaf"},
		{"Erdoğan", "Erdogan"},
		{"Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi"},
		{"Lavrov", "LAVROV"},
		{"O'Brien", "OBrien"},
		{"Guterres", "Guterres"},
	}
	for _, p := range same {
		if a, b := Fold(p[0]), Fold(p[1]); a != b {
			t.Errorf("Fold(%q) = %q, Fold(%q) = %q: want equal", p[0], a, p[1], b)
		}
	}
	different := [][2]string{
		{"Khamenei", "Khomeini"},
		{"Jalili", "Jalali"},
		{"Baghaei", "Bagheri"},
		{"Ali", "Alan"},
		{"Raisi", "Rouhani"},
	}
	for _, p := range different {
		if a, b := Fold(p[0]), Fold(p[1]); a == b {
			t.Errorf("Fold(%q) = Fold(%q) = %q: want different", p[0], p[1], a)
		}
	}
}

func TestHolders(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct {
		office, at string
		want       []string // person ids
		acting     bool
	}{
		{"IR/foreign-minister", "2024-06-01", []string{"ali-bagheri-kani"}, true},
		{"IR/foreign-minister", "2024-05-18", []string{"hossein-amir-abdollahian"}, false},
		{"IR/foreign-minister", "2024-08-21", []string{"abbas-araghchi"}, false},
		{"IR/foreign-minister", "2015-07-14", []string{"mohammad-javad-zarif"}, false},
		{"IR/foreign-minister", "2021-08-25", []string{"hossein-amir-abdollahian"}, false},
		{"IR/supreme-leader", "1990-01-01", []string{"ali-khamenei"}, false},
		{"IR/supreme-leader", "2026-02-27", []string{"ali-khamenei"}, false},
		{"IR/supreme-leader", "2026-03-01", nil, false},
		{"IR/supreme-leader", "2026-11-22", []string{"mojtaba-khamenei"}, false},
		{"IR/president", "2024-06-01", []string{"mohammad-mokhber"}, true},
		{"IR/foreign-minister", "1970-01-01", nil, false},
	}
	for _, tt := range tests {
		got := k.Holders(tt.office, mustDate(t, tt.at))
		var ids []string
		for _, term := range got {
			ids = append(ids, term.Person)
			if term.Acting != tt.acting {
				t.Errorf("Holders(%s, %s): %s acting = %v, want %v", tt.office, tt.at, term.Person, term.Acting, tt.acting)
			}
			if term.Source == "" {
				t.Errorf("Holders(%s, %s): %s has no source", tt.office, tt.at, term.Person)
			}
		}
		if strings.Join(ids, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Holders(%s, %s) = %v, want %v", tt.office, tt.at, ids, tt.want)
		}
	}
}

func TestSmallKB(t *testing.T) {
	k := smallKB(t)
	if got := k.Holders("JP/prime-minister", mustDate(t, "2020-01-01")); len(got) != 1 || got[0].Person != "shinzo-abe" {
		t.Errorf("JP PM 2020-01-01 = %v, want shinzo-abe", got)
	}
	if got := k.Holders("US/secretary-of-state", mustDate(t, "2015-07-14")); len(got) != 1 || got[0].Person != "john-kerry" {
		t.Errorf("US SoS July 2015 = %v, want john-kerry", got)
	}
	if got := k.Holders("US/secretary-of-state", mustDate(t, "2021-01-25")); len(got) != 0 {
		t.Errorf("US SoS 2021-01-25 = %v, want nobody", got)
	}
	p, ok := k.Person("shinzo-abe")
	if !ok || p.Died != mustDate(t, "2022-07-08") {
		t.Errorf("Abe died = %v, want 2022-07-08", p)
	}
	if ten := k.Tenures("shinzo-abe"); len(ten) != 1 || ten[0].Office != "JP/prime-minister" {
		t.Errorf("Tenures(abe) = %v", ten)
	}
	if probs := k.Check(); len(probs) != 0 {
		t.Errorf("Check() = %v, want none", probs)
	}
}

func TestOfficeNamed(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct{ text, want string }{
		{"IR/foreign-minister", "IR/foreign-minister"},
		{"foreign minister of Iran", "IR/foreign-minister"},
		{"Foreign Minister of Iran", "IR/foreign-minister"},
		{"Iranian Foreign Minister", "IR/foreign-minister"},
		{"Iran's foreign minister", "IR/foreign-minister"},
		{"Iran’s foreign minister", "IR/foreign-minister"},
		{"Tehran's top diplomat", "IR/foreign-minister"},
		{"Iranian Minister of Foreign Affairs", "IR/foreign-minister"},
		{"the foreign minister of the Islamic Republic of Iran", "IR/foreign-minister"},
		{"Supreme Leader", "IR/supreme-leader"},
		{"Iran's Supreme Leader", "IR/supreme-leader"},
		{"president of Iran", "IR/president"},
		{"Iranian President", "IR/president"},
		{"Secretary of State", "US/secretary-of-state"},
		{"US Secretary of State", "US/secretary-of-state"},
		{"American top diplomat", "US/secretary-of-state"},
		{"Foreign Secretary", "GB/foreign-secretary"},
		{"Omani Foreign Minister", "OM/foreign-minister"},
		{"Sultan of Oman", "OM/sultan"},
		{"UN Secretary-General", "UN/secretary-general"},
	}
	for _, tt := range tests {
		o, ok := k.OfficeNamed(tt.text)
		got := ""
		if ok {
			got = o.ID
		}
		if got != tt.want {
			t.Errorf("OfficeNamed(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
	for _, text := range []string{"", "foreign minister", "foreign minister of Atlantis", "Tehran"} {
		if o, ok := k.OfficeNamed(text); ok {
			t.Errorf("OfficeNamed(%q) = %s, want none", text, o.ID)
		}
	}
}

func TestResolve(t *testing.T) {
	k := embeddedKB(t)
	tests := []struct {
		name, at, office string
		want             string // best person id; "" for no match
		exact            bool
	}{
		{"Abbas Araghchi", "", "", "abbas-araghchi", true},
		{"Abbas Araqchi", "", "", "abbas-araghchi", true},
		{"Araqchi", "2025-04-12", "IR/foreign-minister", "abbas-araghchi", true},
		{"Amirabdollahian", "", "", "hossein-amir-abdollahian", true},
		{"Abdollahian", "2023-01-01", "", "hossein-amir-abdollahian", true},
		{"Hossein Amir Abdollahian", "", "", "hossein-amir-abdollahian", true},
		{"Hosein Amir-Abdolahian", "", "", "hossein-amir-abdollahian", true},
		{"Hossein Amir-Abdolahiyan", "", "", "hossein-amir-abdollahian", true},
		{"Hossein Amir-Abdulahian", "", "", "hossein-amir-abdollahian", false}, // fuzzy
		{"Badr Albusaidi", "", "", "badr-albusaidi", true},
		{"Badr al-Busaidi", "", "", "badr-albusaidi", true},
		{"Al Busaidi", "", "", "badr-albusaidi", false},
		{"Albusaidi", "", "", "badr-albusaidi", false},
		{"Said Badr", "", "", "badr-albusaidi", true},
		{"Ayatollah Ali Khamenei", "", "", "ali-khamenei", true},
		{"Ayatollah Khamenei", "2020-01-01", "IR/supreme-leader", "ali-khamenei", true},
		{"Khamenei", "2026-06-01", "IR/supreme-leader", "mojtaba-khamenei", true},
		{"Khomeini", "", "", "ruhollah-khomeini", true},
		{"Bagheri", "2024-06-01", "IR/foreign-minister", "ali-bagheri-kani", false},
		{"Nobody Atall", "", "", "", false},
	}
	for _, tt := range tests {
		var at time.Time
		if tt.at != "" {
			at = mustDate(t, tt.at)
		}
		ms := k.Resolve(tt.name, at, tt.office)
		got, exact := "", false
		if len(ms) > 0 {
			got, exact = ms[0].Person, ms[0].Exact
		}
		if got != tt.want || (got != "" && exact != tt.exact) {
			t.Errorf("Resolve(%q, %s, %q) = %q exact=%v (all %v), want %q exact=%v", tt.name, tt.at, tt.office, got, exact, ms, tt.want, tt.exact)
		}
	}
}

func TestResolveDisambiguatesByOfficeAndDate(t *testing.T) {
	k := embeddedKB(t)
	// "Bagheri" is both the chief of staff and the acting foreign minister.
	ms := k.Resolve("Bagheri", mustDate(t, "2024-06-01"), "IR/chief-of-staff")
	if len(ms) < 2 || ms[0].Person != "mohammad-bagheri" || !ms[0].Holds {
		t.Errorf("Resolve(Bagheri, chief of staff) = %v, want mohammad-bagheri first, holding", ms)
	}
	// A hard negative: one letter apart, two people.
	for _, m := range k.Resolve("Jalali", time.Time{}, "") {
		if m.Person == "saeed-jalili" {
			t.Errorf("Resolve(Jalali) matched Saeed Jalili: %v", m)
		}
	}
	// A person born after the day is never a match.
	if ms := k.Resolve("Araghchi", mustDate(t, "1950-01-01"), ""); len(ms) != 0 {
		t.Errorf("Resolve(Araghchi, 1950) = %v, want none", ms)
	}
}

func TestAddOverrides(t *testing.T) {
	k := smallKB(t)
	err := k.Add("user.yaml", []byte(`
people:
  - id: yoshihide-suga
    aliases: [Suga]
    died: 2030-01-01
    source: user
terms:
  - {person: shinzo-abe, office: JP/prime-minister, from: 2012-12-26, to: 2020-09-15, source: user}
`))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := k.Person("yoshihide-suga")
	if p.Name != "Yoshihide Suga" || p.Died != mustDate(t, "2030-01-01") || p.Source != "user" {
		t.Errorf("override merged wrongly: %+v", p)
	}
	if got := k.Holders("JP/prime-minister", mustDate(t, "2020-09-15")); len(got) != 0 {
		t.Errorf("overridden term still covers 2020-09-15: %v", got)
	}
	if ms := k.Resolve("Suga", time.Time{}, ""); len(ms) == 0 || !ms[0].Exact {
		t.Errorf("added alias not indexed: %v", ms)
	}
}

func TestAddErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"unknown field", "people:\n  - id: x\n    nam: X\n", "u.yaml:3:5: unknown field \"nam\""},
		{"unknown section", "persons: []\n", "u.yaml:1:1: unknown field \"persons\""},
		{"bad date", "people:\n  - id: x\n    name: X\n    born: 1999-13-01\n", "u.yaml:4:11: bad date"},
		{"alias", "a: &a [1]\nb: *a\n", "u.yaml:2:4: YAML aliases"},
		{"syntax", "people: [\n", "u.yaml:"},
		{"unknown person", "terms:\n  - {person: nobody, office: JP/prime-minister, from: 2020-01-01}\n", "u.yaml:2:5: term refers to unknown person"},
		{"unknown office", "terms:\n  - {person: shinzo-abe, office: JP/king, from: 2020-01-01}\n", "unknown office"},
		{"to before from", "terms:\n  - {person: shinzo-abe, office: JP/prime-minister, from: 2020-01-01, to: 2019-01-01}\n", "ends (2019-01-01) before it starts"},
		{"bad id", "people:\n  - {id: Shinzo Abe, name: X}\n", "person id"},
		{"bad office id", "offices:\n  - {id: prime-minister, title: X}\n", "office id"},
		{"new person without name", "people:\n  - {id: someone}\n", "needs a name"},
		{"list expected", "people: {id: x}\n", "expected a list"},
		{"duplicate key", "people:\n  - {id: x, id: y}\n", "u.yaml:2:13: duplicate field \"id\""},
	}
	for _, tt := range tests {
		k := smallKB(t)
		before := len(k.People())
		err := k.Add("u.yaml", []byte(tt.yaml))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Add error = %v, want it to contain %q", tt.name, err, tt.want)
		}
		if len(k.People()) != before {
			t.Errorf("%s: failed Add changed the KB", tt.name)
		}
	}
}

func TestAliasBomb(t *testing.T) {
	bomb := "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	start := time.Now()
	err := New().Add("bomb.yaml", []byte(bomb))
	if err == nil || !strings.Contains(err.Error(), "aliases") {
		t.Errorf("alias bomb: err = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("alias bomb took %v", d)
	}
}

func TestPlacesAndEvents(t *testing.T) {
	k := embeddedKB(t)
	if !k.Within("OM/muscat", "OM") {
		t.Error("Muscat is not within Oman")
	}
	if k.Within("OM/muscat", "QA") {
		t.Error("Muscat is within Qatar")
	}
	if ps := k.PlacesNamed("Geneva"); len(ps) == 0 || ps[0].ID != "CH/geneva" {
		t.Errorf("PlacesNamed(Geneva) = %v", ps)
	}
	if ps := k.PlacesNamed("Oman"); len(ps) != 1 || ps[0].ID != "OM" {
		t.Errorf("PlacesNamed(Oman) = %v", ps)
	}
	e, ok := k.Event("jcpoa")
	if !ok || e.From != mustDate(t, "2015-07-14") {
		t.Errorf("Event(jcpoa) = %v", e)
	}
	if es := k.EventsNamed("Iran nuclear deal"); len(es) != 1 || es[0].ID != "jcpoa" {
		t.Errorf("EventsNamed(Iran nuclear deal) = %v", es)
	}
	if k.Snapshot().IsZero() {
		t.Error("no snapshot date")
	}
}

func FuzzAdd(f *testing.F) {
	seeds := []string{
		"",
		"people:\n  - id: x\n    name: X\n    born: 1950\n    source: s\n",
		"terms:\n  - {person: shinzo-abe, office: JP/prime-minister, from: 2020-01-01, to: 2021-01-01, acting: true}\n",
		"offices:\n  - {id: JP/emperor, role: monarch, title: Emperor of Japan, seats: 1}\n",
		"a: &a [1]\nb: *a\n",
		"countries: [{code: XX, name: X}]\nplaces: [{id: XX/y, name: Y}]\nevents: [{id: e, name: E, from: 2020-02}]\n",
		"meta: {snapshot: 2026-01-01}\nroles: [{text: Shogun, role: monarch, country: JP}]\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	base, err := os.ReadFile("testdata/small.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		k := New()
		if err := k.Add("base.yaml", base); err != nil {
			t.Fatal(err)
		}
		if err := k.Add("fuzz.yaml", data); err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml:") {
				t.Errorf("error without position: %v", err)
			}
			return
		}
		// Whatever loaded must be queryable and its terms well-formed.
		for _, o := range k.Offices() {
			for _, term := range k.Terms(o.ID) {
				if !term.To.IsZero() && !term.From.Before(term.To) {
					t.Errorf("term %+v: from not before to", term)
				}
				k.Holders(o.ID, term.From)
			}
		}
		for _, p := range k.People() {
			k.Resolve(p.Name, p.Born, "")
		}
		k.Check()
	})
}

func TestCheckFindsProblems(t *testing.T) {
	k := smallKB(t)
	err := k.Add("bad.yaml", []byte(`people:
  - {id: abe-double, name: Shinzo Abe, born: 1960-01-01, source: s}
  - {id: nosource, name: No Source}
offices:
  - {id: JP/emperor, role: emperor, title: Emperor of Japan, source: s}
  - {id: XX/king, role: prime-minister, title: King of Nowhere, source: s}
terms:
  - {person: yoshihide-suga, office: JP/prime-minister, from: 2019-01-01, to: 2020-01-01, source: s}
  - {person: yoshihide-suga, office: JP/prime-minister, from: 2021-10-03, to: 2021-10-05, source: s}
  - {person: shinzo-abe, office: JP/prime-minister, from: 2022-01-01, source: s}
  - {person: nosource, office: JP/prime-minister, from: 1950-01-01, to: 1951-01-01, acting: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`bad.yaml:2:5: name "Shinzo Abe" of abe-double is shared by abe-double and shinzo-abe, alive at the same time: list it under ambiguous`,
		`bad.yaml:3:5: person nosource has no source`,
		`bad.yaml:5:5: office JP/emperor: role "emperor" has no phrase in roles (add one to roles.yaml)`,
		`bad.yaml:6:5: office XX/king: unknown country or organisation "XX" (add it to countries.yaml)`,
		`bad.yaml:8:5: shinzo-abe (from 2012-12-26) and yoshihide-suga (from 2019-01-01) hold the single-seat office JP/prime-minister at once`,
		`bad.yaml:10:5: shinzo-abe's term as JP/prime-minister goes on after death (2022-07-08): set to: 2022-07-08`,
		`bad.yaml:11:5: term of nosource as JP/prime-minister from 1950-01-01 has no source`,
		`testdata/small.yaml:10:5: name "Shinzo Abe" of shinzo-abe is shared by abe-double and shinzo-abe, alive at the same time: list it under ambiguous`,
	}
	var got []string
	for _, p := range k.Check() {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check() =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
