// Package kb is crosscheck's time-bounded knowledge base: people, offices,
// terms of office, countries, places and dated events, each fact with its
// source. The data lives in data/*.yaml, embedded with go:embed; users add
// or override facts with their own files. kb imports nothing of crosscheck.
//
// API CONTRACT (other packages are written against it; add, do not change):
//
//	Embedded() (*KB, error)
//	(*KB).Add(name string, data []byte) error   // merge a user YAML file; errors name file:line:col
//	(*KB).Snapshot() time.Time                   // date of the embedded snapshot
//	(*KB).Person(id) (*Person, bool); Office(id) (*Office, bool); Country(code) (*Country, bool)
//	(*KB).Holders(officeID, day) []Term          // terms covering day (From <= day < To, or To zero)
//	(*KB).Tenures(personID) []Term               // all terms of a person, sorted by From
//	(*KB).Resolve(name string, day time.Time, officeID string) []Match // best first
//	(*KB).Offices(), People(), Countries(), Places(), Events() — sorted by ID
//	(*KB).RoleTitles() []RoleTitle               // surface phrases of roles, for gazetteers
//	(*KB).CountryNames() []CountryName           // surface forms of countries: name, demonym, capital metonym
//	(*KB).OfficeFor(country, role string) (*Office, bool)
//	(*KB).Place(id) (*Place, bool); (*KB).Within(inner, outer string) bool // place containment
//	(*KB).Event(id) (*Event, bool)
//	Fold(name string) string                     // transliteration-folded key for name matching
//
// Additions beyond the original contract:
//
//	New() *KB                                    // an empty KB (tests, user-only data)
//	(*KB).Terms(officeID) []Term                 // all terms of an office, sorted by From
//	(*KB).OfficeNamed(text) (*Office, bool)      // "foreign minister of Iran", "Tehran's top diplomat", an id
//	(*KB).OfficeNames() []OfficeName             // explicit titles and names of offices, for gazetteers
//	(*KB).PlacesNamed(text) []*Place; EventsNamed(text) []*Event
//	(*KB).Check() []Problem                      // consistency problems, with file:line:col
//	(*KB).TenuresSeq(personID) iter.Seq[Term]    // Tenures without the copy
//	(*KB).AppendResolve(dst, name, day, officeID) []Match // Resolve appending to dst
package kb

import "time"

// Person is someone the kb knows.
type Person struct {
	ID      string // "hossein-amir-abdollahian"
	Name    string // "Hossein Amir-Abdollahian"
	Aliases []string
	Born    time.Time // zero when unknown
	Died    time.Time // zero when alive or unknown
	Source  string
	// Ambiguous lists names or aliases knowingly shared with another
	// person alive at the same time ("Bush"); they are also in Aliases.
	Ambiguous []string
}

// Office is a post with a country (ISO 3166 alpha-2) or organisation code
// and a role.
type Office struct {
	ID      string // "IR/foreign-minister"
	Country string // "IR", "US", "UN", "NATO", "IAEA", "EU"
	Role    string // "foreign-minister", "president", "prime-minister", …
	Title   string // "Foreign Minister of Iran"
	// Names are extra surface forms that name this office as a whole
	// ("Secretary of State", "Tehran's top diplomat").
	Names []string
	// Seats is 1 for a single-seat office.
	Seats  int
	Source string
}

// Term is one person's tenure of one office.
type Term struct {
	Person string
	Office string
	From   time.Time
	To     time.Time // zero when ongoing
	Acting bool
	Source string
	Note   string // free text, e.g. "died in office"
}

// Country is a state or an organisation that has offices.
type Country struct {
	Code     string   // "IR"
	Name     string   // "Iran"
	Aliases  []string // "Islamic Republic of Iran"
	Demonyms []string // "Iranian"
	Capital  string   // "Tehran", used as metonym ("Tehran's top diplomat")
	Source   string
}

// Place is a city, region or country for location claims; Within names
// the enclosing place ("OM" for Muscat).
type Place struct {
	ID      string // "OM/muscat" or "OM" for a country
	Name    string
	Aliases []string
	Within  string
	Source  string
}

// Event is a dated event articles refer to ("the 2015 deal").
type Event struct {
	ID      string // "jcpoa"
	Name    string
	Aliases []string
	From    time.Time
	To      time.Time // zero for a one-day event or an ongoing one
	Source  string
}

// Match is a candidate person for a name.
type Match struct {
	Person string
	Score  float64 // 1 for an exact (folded) alias match
	Exact  bool
	// Via says how the name matched: "name", "alias", "surname" or "fuzzy".
	Via string
	// Holds is true when the person held the office given to Resolve on
	// the day given (or at any time when the day is zero).
	Holds bool
}

// OfficeName is an explicit surface form of an office (its title or one of
// its Names).
type OfficeName struct {
	Text   string
	Office string
}

// Problem is a consistency problem found by Check; Pos is "file:line:col"
// of the fact concerned.
type Problem struct {
	Pos string
	Msg string
}

func (p Problem) String() string { return p.Pos + ": " + p.Msg }

// RoleTitle is a surface phrase for a role ("Foreign Minister",
// "top diplomat", "Secretary of State"); Country is set when the phrase
// implies it ("Secretary of State" → US).
type RoleTitle struct {
	Text    string
	Role    string
	Country string
}

// CountryName is a surface form of a country.
type CountryName struct {
	Text    string
	Country string
	Form    string // "name", "demonym", "capital", "alias"
}
