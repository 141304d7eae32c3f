package temporal

import (
	"math"
	"strings"
	"testing"
	"time"
	"unsafe"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// sat is Saturday 12 April 2025, the reference date of most cases.
var sat = day(2025, time.April, 12)

type want struct {
	text, typ, value, mod string
}

func TestTag(t *testing.T) {
	mon := day(2025, time.April, 7)  // Monday
	fri := day(2025, time.April, 11) // Friday
	cases := []struct {
		name string
		in   string
		ref  time.Time
		opt  Options
		want []want
	}{
		// full dates in every common news form
		{"month day year", "The talks were held on April 12, 2025 in Oman.", sat, Options{}, []want{{"April 12, 2025", "DATE", "2025-04-12", ""}}},
		{"day month year", "They met on 12 April 2025.", sat, Options{}, []want{{"12 April 2025", "DATE", "2025-04-12", ""}}},
		{"abbreviated month", "It happened on Apr. 12 in Muscat.", sat, Options{}, []want{{"Apr. 12", "DATE", "2025-04-12", ""}}},
		{"weekday with parenthesised date", "Talks began Saturday (April 12) in Muscat.", sat, Options{}, []want{{"Saturday (April 12)", "DATE", "2025-04-12", ""}}},
		{"iso", "Published 2025-04-12.", sat, Options{}, []want{{"2025-04-12", "DATE", "2025-04-12", ""}}},
		{"numeric month-first", "Signed on 04/12/2025 by both.", sat, Options{}, []want{{"04/12/2025", "DATE", "2025-04-12", ""}}},
		{"numeric day-first", "Signed on 12/04/2025 by both.", sat, Options{DayFirst: true}, []want{{"12/04/2025", "DATE", "2025-04-12", ""}}},
		{"ordinal day of month", "on the 12th of April the envoys met", sat, Options{}, []want{{"12th of April", "DATE", "2025-04-12", ""}}},
		{"month year", "The deal collapsed in May 2018.", sat, Options{}, []want{{"May 2018", "DATE", "2018-05", ""}}},
		{"year", "It was signed in 2015 and abandoned in 2018.", sat, Options{}, []want{{"2015", "DATE", "2015", ""}, {"2018", "DATE", "2018", ""}}},
		{"year as modifier", "the 2015 deal", sat, Options{}, []want{{"2015", "DATE", "2015", ""}}},
		{"not a year", "It cost $2015 and 1,990 people came; 2015 percent.", sat, Options{}, nil},
		{"decade", "in the 1990s and the '80s", sat, Options{}, []want{{"the 1990s", "DATE", "199", ""}, {"the '80s", "DATE", "198", ""}}},
		{"season", "talks resume in the summer of 2025", sat, Options{}, []want{{"the summer of 2025", "DATE", "2025-SU", ""}}},
		{"last season", "since last autumn", sat, Options{}, []want{{"last autumn", "DATE", "2024-FA", ""}}},
		{"quarter", "profit rose in the third quarter of 2024 and in the fourth quarter", sat, Options{}, []want{{"the third quarter of 2024", "DATE", "2024-Q3", ""}, {"the fourth quarter", "DATE", "2024-Q4", ""}}},
		{"hyphenated quarter", "third-quarter profit", day(1989, time.November, 2), Options{}, []want{{"third-quarter", "DATE", "1989-Q3", ""}}},
		{"clock time with zone", "The vote closed at 11 pm GMT.", sat, Options{}, []want{{"11 pm GMT", "TIME", "2025-04-12T23:00", ""}}},
		{"clock time with weekday", "at 10 p.m. Wednesday", sat, Options{}, []want{{"10 p.m. Wednesday", "TIME", "2025-04-09T22:00", ""}}},
		{"day range", "The summit runs 11–12 July in Vilnius.", day(2025, time.July, 1), Options{}, []want{{"11", "DATE", "2025-07-11", ""}, {"12 July", "DATE", "2025-07-12", ""}}},
		{"weekday range", "They will meet from Tuesday to Wednesday.", mon, Options{}, []want{{"Tuesday", "DATE", "2025-04-08", ""}, {"Wednesday", "DATE", "2025-04-09", ""}}},
		// weekdays with tense
		{"past tense weekday", "The talks began on Friday.", sat, Options{}, []want{{"Friday", "DATE", "2025-04-11", ""}}},
		{"future tense weekday", "The ministers will meet on Friday.", sat, Options{}, []want{{"Friday", "DATE", "2025-04-18", ""}}},
		{"weekday of the reference day", "Delegations met on Saturday.", sat, Options{}, []want{{"Saturday", "DATE", "2025-04-12", ""}}},
		{"next weekday on that weekday", "They meet again next Saturday.", sat, Options{}, []want{{"next Saturday", "DATE", "2025-04-19", ""}}},
		{"next weekday", "They meet again next Saturday.", fri, Options{}, []want{{"next Saturday", "DATE", "2025-04-12", ""}}},
		{"possessive weekday", "Saturday's talks were cordial.", sat, Options{}, []want{{"Saturday", "DATE", "2025-04-12", ""}}},
		{"last weekday", "unlike last Saturday, the talks were cordial", sat, Options{}, []want{{"last Saturday", "DATE", "2025-04-05", ""}}},
		{"scheduled in passive", "the vote will be held on Thursday", mon, Options{}, []want{{"Thursday", "DATE", "2025-04-10", ""}}},
		{"weekday with part of day", "It started Friday morning.", sat, Options{}, []want{{"Friday morning", "TIME", "2025-04-11TMO", ""}}},
		// frequencies and parts of the day without a clock
		{"hours a day", "The plant runs 24 hours a day, seven days a week.", sat, Options{}, []want{{"24 hours a day", "SET", "P1D", ""}, {"seven days a week", "SET", "P1W", ""}}},
		{"days per week", "She works three days per week.", sat, Options{}, []want{{"three days per week", "SET", "P1W", ""}}},
		{"times a month", "They meet twice a month and three times a year.", sat, Options{}, []want{{"a month", "SET", "P1M", ""}, {"a year", "SET", "P1Y", ""}}},
		{"money a year is untagged", "It costs $5 billion a year.", sat, Options{}, nil},
		{"every quarter", "It pays interest every quarter.", sat, Options{}, []want{{"every quarter", "SET", "P1Q", ""}}},
		{"quarters as quarters", "in the past two quarters", sat, Options{}, []want{{"the past two quarters", "DURATION", "P2Q", ""}}},
		{"at dawn", "Troops moved in at dawn and left before dusk.", sat, Options{}, []want{{"dawn", "TIME", "2025-04-12TMO", ""}, {"dusk", "TIME", "2025-04-12TEV", ""}}},
		{"dawn with weekday", "The raid began at dawn Friday.", sat, Options{}, []want{{"dawn Friday", "TIME", "2025-04-11TMO", ""}}},
		{"dawn as subject", "Officials spoke as dawn broke over a pre-dawn raid.", sat, Options{}, nil},
		{"dawn in a name", "Operation Desert Dawn ended.", sat, Options{}, nil},
		{"noon alone", "The deadline passed at noon; talks resumed at midday.", sat, Options{}, []want{{"noon", "TIME", "2025-04-12T12:00", ""}, {"midday", "TIME", "2025-04-12T12:00", ""}}},
		{"high noon", "It was high noon for the coalition, like High Noon.", sat, Options{}, nil},
		{"early morning", "Shots rang out in the early morning.", sat, Options{}, []want{{"early morning", "TIME", "2025-04-12TMO", ""}}},
		{"duration range", "It will take two to three weeks, perhaps 12-18 months.", sat, Options{}, []want{{"two to three weeks", "DURATION", "PXW", ""}, {"12-18 months", "DURATION", "PXM", ""}}},
		{"week of a date", "a hearing the week of March 6", sat, Options{}, []want{{"the week of March 6", "DATE", "2025-W10", ""}}},
		{"every other", "They meet every other week.", sat, Options{}, []want{{"every other week", "SET", "P2W", ""}}},
		{"Q and H with year", "Profit rose in Q3 2024 and H1 2025; FY2024 too.", sat, Options{}, []want{{"Q3 2024", "DATE", "2024-Q3", ""}, {"H1 2025", "DATE", "2025-H1", ""}, {"FY2024", "DATE", "2024", ""}}},
		{"Q and H without year", "the Audi Q3 and H1N1 flu", sat, Options{}, nil},
		{"ordinal day today", "Today is the eighth day of the siege.", sat, Options{}, []want{{"Today", "DATE", "2025-04-12", ""}, {"the eighth day", "DATE", "2025-04-12", ""}}},
		{"ordinal day unresolved", "on his first day in office; a second day of talks; a third day-long meeting", sat, Options{}, []want{{"first day", "DATE", "XXXX-XX-XX", ""}, {"second day", "DATE", "XXXX-XX-XX", ""}, {"day-long", "DURATION", "P1D", ""}}},
		{"early hours of a day", "arrested in the early hours of Thursday morning", sat, Options{}, []want{{"Thursday morning", "TIME", "2025-04-10TMO", ""}}},
		{"british clock", "Polls open at 7.30am and the price is 1.50 a share.", sat, Options{}, []want{{"7.30am", "TIME", "2025-04-12T07:30", ""}}},
		{"clock after a date", "The vote is on April 15 at 10 a.m. and will end Friday, at noon.", sat, Options{}, []want{{"April 15", "DATE", "2025-04-15", ""}, {"10 a.m.", "TIME", "2025-04-15T10:00", ""}, {"Friday", "DATE", "2025-04-18", ""}, {"noon", "TIME", "2025-04-18T12:00", ""}}},
		{"weekday nights recur", "The show airs Tuesday nights and on Sunday mornings.", sat, Options{}, []want{{"Tuesday nights", "SET", "XXXX-WXX-2TNI", ""}, {"Sunday mornings", "SET", "XXXX-WXX-7TMO", ""}}},
		{"weekends recur", "The market opens on weekends; it took weekends of work.", sat, Options{}, []want{{"weekends", "SET", "XXXX-WXX-WE", ""}}},
		{"plans as a noun", "On Friday, when she set aside vacation plans, aid flowed.", mon, Options{}, []want{{"Friday", "DATE", "2025-04-04", ""}}},
		{"plans to", "On Friday, she plans to fly out.", mon, Options{}, []want{{"Friday", "DATE", "2025-04-11", ""}}},
		{"cue after a long subject", "On Tuesday, the National Abortion and Reproductive Rights Action League plans to hold a news conference.", mon, Options{}, []want{{"Tuesday", "DATE", "2025-04-08", ""}}},
		{"unit-long adjective", "a year-long inquiry and a week-long strike", sat, Options{}, []want{{"year-long", "DURATION", "P1Y", ""}, {"week-long", "DURATION", "P1W", ""}}},
		{"day before a date", "The day before last Tuesday's hearing, and the day before April 1.", sat, Options{}, []want{{"The day before last Tuesday", "DATE", "2025-04-07", ""}, {"the day before April 1", "DATE", "2025-03-31", ""}}},
		{"day before the anchor", "He arrived on April 3. They had met the day before.", sat, Options{}, []want{{"April 3", "DATE", "2025-04-03", ""}, {"the day before", "DATE", "2025-04-02", ""}}},
		{"day after an event", "police came the day after his death", sat, Options{}, nil},
		{"the quarter a year ago", "Profit rose in the third quarter. For the quarter a year ago, it fell.", day(1989, time.November, 2), Options{}, []want{{"the third quarter", "DATE", "1989-Q3", ""}, {"the quarter a year ago", "DATE", "1988-Q3", ""}}},
		{"last year's quarter", "Sales rose in the third quarter from last year's quarter.", day(1989, time.November, 2), Options{}, []want{{"the third quarter", "DATE", "1989-Q3", ""}, {"last year's quarter", "DATE", "1988-Q3", ""}}},
		{"the year period", "Net rose in the third quarter, up from the 1988 period.", day(1989, time.November, 2), Options{}, []want{{"the third quarter", "DATE", "1989-Q3", ""}, {"the 1988 period", "DATE", "1988-Q3", ""}}},
		{"season of a spoken year", "in the winter of nineteen ninety-four", sat, Options{}, []want{{"the winter of nineteen ninety-four", "DATE", "1994-WI", ""}}},
		{"not a duration range", "from 1990 to 1995, up 5 to 10 percent", sat, Options{}, []want{{"1990", "DATE", "1990", ""}, {"1995", "DATE", "1995", ""}}},
		// relative expressions
		{"yesterday today tomorrow", "yesterday, today and tomorrow", sat, Options{}, []want{{"yesterday", "DATE", "2025-04-11", ""}, {"today", "DATE", "2025-04-12", ""}, {"tomorrow", "DATE", "2025-04-13", ""}}},
		{"last week", "It was agreed last week.", sat, Options{}, []want{{"last week", "DATE", "2025-W14", ""}}},
		{"next month", "Talks resume next month.", sat, Options{}, []want{{"next month", "DATE", "2025-05", ""}}},
		{"earlier this year", "as agreed earlier this year", sat, Options{}, []want{{"earlier this year", "DATE", "2025", "START"}}},
		{"a week ago", "The envoy arrived a week ago.", sat, Options{}, []want{{"a week ago", "DATE", "2025-W14", ""}}},
		{"years ago", "The treaty was signed three years ago.", sat, Options{}, []want{{"three years ago", "DATE", "2022", ""}}},
		{"following week anchored", "Talks opened on April 1, 2025. The following week they broke down.", sat, Options{}, []want{{"April 1, 2025", "DATE", "2025-04-01", ""}, {"The following week", "DATE", "2025-W15", ""}}},
		{"days later anchored", "The strike began on March 3, 2025. Three days later it ended.", sat, Options{}, []want{{"March 3, 2025", "DATE", "2025-03-03", ""}, {"Three days later", "DATE", "2025-03-06", ""}}},
		{"last night", "Officials said last night that", sat, Options{}, []want{{"last night", "TIME", "2025-04-11TNI", ""}}},
		{"early next year", "a decision early next year", sat, Options{}, []want{{"early next year", "DATE", "2026", "START"}}},
		{"late month", "in late November", day(1999, time.December, 5), Options{}, []want{{"late November", "DATE", "1999-11", "END"}}},
		{"end of year", "by the end of 1990", sat, Options{}, []want{{"the end of 1990", "DATE", "1990", "END"}}},
		// durations
		{"hours", "The meeting lasted four hours.", sat, Options{}, []want{{"four hours", "DURATION", "PT4H", ""}}},
		{"hyphenated fraction", "a two-and-a-half-hour meeting", sat, Options{}, []want{{"two-and-a-half-hour", "DURATION", "PT2H30M", ""}}},
		{"days", "a 60 days ceasefire", sat, Options{}, []want{{"60 days", "DURATION", "P60D", ""}}},
		{"more than fraction", "after more than 2-1/2 hours of talks", sat, Options{}, []want{{"more than 2-1/2 hours", "DURATION", "PT2H30M", "MORE_THAN"}}},
		{"past n months", "over the past two months", sat, Options{}, []want{{"the past two months", "DURATION", "P2M", ""}}},
		{"adjective", "a two-year deal", sat, Options{}, []want{{"two-year", "DURATION", "P2Y", ""}}},
		{"vague", "for several years", sat, Options{}, []want{{"several years", "DURATION", "PXY", ""}}},
		{"decade duration", "a decade of sanctions", sat, Options{}, []want{{"a decade", "DURATION", "P10Y", ""}}},
		// sets and references
		{"every week", "They meet every week.", sat, Options{}, []want{{"every week", "SET", "P1W", ""}}},
		{"daily", "a daily briefing", sat, Options{}, []want{{"daily", "SET", "P1D", ""}}},
		{"every weekday", "every Monday", sat, Options{}, []want{{"every Monday", "SET", "XXXX-WXX-1", ""}}},
		{"present ref", "Talks are now stalled and currently frozen.", sat, Options{}, []want{{"now", "DATE", "PRESENT_REF", ""}, {"currently", "DATE", "PRESENT_REF", ""}}},
		{"past and future ref", "as recently reported, and in the future", sat, Options{}, []want{{"recently", "DATE", "PAST_REF", ""}, {"the future", "DATE", "FUTURE_REF", ""}}},
		// unresolved without a reference date
		{"no ref weekday", "They met on Friday.", time.Time{}, Options{}, []want{{"Friday", "DATE", "XXXX-WXX-5", ""}}},
		{"no ref yesterday", "They met yesterday.", time.Time{}, Options{}, []want{{"yesterday", "DATE", "XXXX-XX-XX", ""}}},
		{"no ref month day", "They met on April 12.", time.Time{}, Options{}, []want{{"April 12", "DATE", "XXXX-04-12", ""}}},
		{"at least", "for at least 30 days", sat, Options{}, []want{{"at least 30 days", "DURATION", "P30D", "EQUAL_OR_MORE"}}},
		{"no more than", "no more than sixty days", sat, Options{}, []want{{"no more than sixty days", "DURATION", "P60D", "EQUAL_OR_LESS"}}},
		{"that day anchored", "Voting began on March 3, 2025. Results came that same day.", sat, Options{}, []want{{"March 3, 2025", "DATE", "2025-03-03", ""}, {"that same day", "DATE", "2025-03-03", ""}}},
		{"wire clock time", "The strike began at 1400 GMT.", sat, Options{}, []want{{"1400 GMT", "TIME", "2025-04-12T14:00", ""}}},
		{"month day range", "The summit runs March 21-22 in Brussels.", day(2025, time.March, 1), Options{}, []want{{"March 21", "DATE", "2025-03-21", ""}, {"22", "DATE", "2025-03-22", ""}}},
		{"last holiday", "Talks stalled last Christmas.", sat, Options{}, []want{{"last Christmas", "DATE", "2024-12-25", ""}}},
		{"year's quarter", "this year's third quarter", day(1989, time.November, 2), Options{}, []want{{"this year's third quarter", "DATE", "1989-Q3", ""}}},
		{"quarter under discussion", "Profit rose in the third quarter. A year earlier it fell.", day(1989, time.November, 2), Options{}, []want{{"the third quarter", "DATE", "1989-Q3", ""}, {"A year earlier", "DATE", "1988-Q3", ""}}},
		{"fiscal year duration", "revenue in the year ended March 31", sat, Options{}, []want{{"the year", "DURATION", "P1Y", ""}, {"March 31", "DATE", "2025-03-31", ""}}},
		{"bare plural", "They negotiated for hours.", sat, Options{}, []want{{"hours", "DURATION", "PTXH", ""}}},
		{"spoken year", "in nineteen ninety-six", sat, Options{}, []want{{"nineteen ninety-six", "DATE", "1996", ""}}},
		{"month and relative year", "in June last year", sat, Options{}, []want{{"June last year", "DATE", "2024-06", ""}}},
		{"deadline is future", "They have until Tuesday to reply.", sat, Options{}, []want{{"Tuesday", "DATE", "2025-04-15", ""}}},
		{"age is no duration", "a 6-year-old boy, 37 years old", sat, Options{}, nil},
		{"long adjective", "a decades-long feud and a yearlong review", sat, Options{}, []want{{"decades-long", "DURATION", "PXDE", ""}, {"yearlong", "DURATION", "P1Y", ""}}},
		{"rate is no duration", "It saves $500 million a year; four flights a week.", sat, Options{}, nil},
		{"twice a year is a set", "They meet twice a year.", sat, Options{}, []want{{"a year", "SET", "P1Y", ""}}},
		{"past decade", "over the past decade", sat, Options{}, []want{{"the past decade", "DURATION", "P10Y", ""}}},
		{"near future", "an offering in the near future", sat, Options{}, []want{{"the near future", "DATE", "FUTURE_REF", ""}}},
		{"fiscal year", "lower earnings for the fiscal year and in the latest fiscal year", day(1989, time.November, 2), Options{}, []want{{"the fiscal year", "DATE", "1989", ""}, {"the latest fiscal year", "DATE", "1988", ""}}},
		{"of the year", "in the first nine months of the year", day(1989, time.November, 2), Options{}, []want{{"the first nine months", "DURATION", "P9M", ""}, {"the year", "DATE", "1989", ""}}},
		{"topic quarter survives a year earlier", "Profit rose in the third quarter. A year earlier it fell. The latest quarter was good.", day(1989, time.November, 2), Options{}, []want{{"the third quarter", "DATE", "1989-Q3", ""}, {"A year earlier", "DATE", "1988-Q3", ""}, {"The latest quarter", "DATE", "1989-Q3", ""}}},
		{"hour in the morning", "He will leave at 4 in the morning.", sat, Options{}, []want{{"4 in the morning", "TIME", "2025-04-12T04:00", ""}}},
		{"part of day with mod", "By mid-afternoon the shelling stopped.", sat, Options{}, []want{{"mid-afternoon", "TIME", "2025-04-12TAF", ""}}},
		{"earlier in the year", "rains earlier in the year", sat, Options{}, []want{{"earlier in the year", "DATE", "2025", "START"}}},
		{"while", "They will stay for a while.", sat, Options{}, []want{{"a while", "DURATION", "PXX", ""}}},
		{"bare plural ago", "just months ago it was bleeding cash", sat, Options{}, []want{{"months ago", "DATE", "PAST_REF", ""}}},
		{"additional unit", "extended for an additional year", sat, Options{}, []want{{"an additional year", "DURATION", "P1Y", ""}}},
		{"couple of", "over the next couple of years", sat, Options{}, []want{{"the next couple of years", "DURATION", "P2Y", ""}}},
		{"into the season", "well into the summer", sat, Options{}, []want{{"the summer", "DATE", "2025-SU", ""}}},
		{"year-ago named quarter", "down from the year-ago third quarter", day(1989, time.November, 2), Options{}, []want{{"the year-ago third quarter", "DATE", "1988-Q3", ""}}},
		{"year before quarter", "earned $1 in the 1988 third quarter", day(1989, time.November, 2), Options{}, []want{{"the 1988 third quarter", "DATE", "1988-Q3", ""}}},
		{"spoken year after month", "since January nineteen ninety-seven", sat, Options{}, []want{{"January nineteen ninety-seven", "DATE", "1997-01", ""}}},
		{"year two thousand", "the approach of the year two thousand", sat, Options{}, []want{{"the year two thousand", "DATE", "2000", ""}}},
		{"part of day of a day", "trading halted mid-afternoon yesterday", sat, Options{}, []want{{"mid-afternoon yesterday", "TIME", "2025-04-11TAF", ""}}},
		{"day range with and", "The summit is on April 24 and 25.", day(1999, time.April, 1), Options{}, []want{{"April 24", "DATE", "1999-04-24", ""}, {"25", "DATE", "1999-04-25", ""}}},
		{"and after a day is no range", "On April 24 and 25 others", day(1999, time.April, 1), Options{}, []want{{"April 24", "DATE", "1999-04-24", ""}}},
		{"in past years", "there were sell programs in past years", sat, Options{}, []want{{"past years", "DATE", "PAST_REF", ""}}},
		{"new year", "on New Year's Day and New Year's Eve in New York", day(2013, time.March, 22), Options{}, []want{{"New Year's Day", "DATE", "2013-01-01", ""}, {"New Year's Eve", "DATE", "2012-12-31", ""}}},
		{"bare plural later", "Minutes later the building collapsed.", sat, Options{}, []want{{"Minutes later", "DATE", "FUTURE_REF", ""}}},
		{"day of the month in view", "The fund was closed on March 3, 2025. It reopens on the 15th.", sat, Options{}, []want{{"March 3, 2025", "DATE", "2025-03-03", ""}, {"the 15th", "DATE", "2025-03-15", ""}}},
		{"ordinal noun is no day", "on the 15th floor and the 3rd of May", sat, Options{}, []want{{"3rd of May", "DATE", "2025-05-03", ""}}},
		{"bare plural of", "It follows months of delay. Years of war", sat, Options{}, []want{{"months", "DURATION", "PXM", ""}}},
		{"that night", "The strike began on March 3, 2025. That night it spread.", sat, Options{}, []want{{"March 3, 2025", "DATE", "2025-03-03", ""}, {"That night", "TIME", "2025-03-03TNI", ""}}},
		{"every season", "They return every summer.", sat, Options{}, []want{{"every summer", "SET", "XXXX-SU", ""}}},
		{"coming hours", "a decision in the coming hours", sat, Options{}, []want{{"the coming hours", "DURATION", "PTXH", ""}}},
		// the bare adjective "future" is no time; with a plural unit it is
		{"future adjective", "to cover future payments in future quarters and in the future", sat, Options{}, []want{{"future quarters", "DATE", "FUTURE_REF", ""}, {"the future", "DATE", "FUTURE_REF", ""}}},
		{"future before a name", "said Future Inc. and future-proof plans", sat, Options{}, nil},
		// vague stretches without a count
		{"many years", "They have known each other for many years.", sat, Options{}, []want{{"many years", "DURATION", "PXY", ""}}},
		{"many without a unit", "many people and many times", sat, Options{}, nil},
		{"take years", "It could take years, and he spent months in hiding.", sat, Options{}, []want{{"years", "DURATION", "PXY", ""}, {"months", "DURATION", "PXM", ""}}},
		{"take without a length", "He took minutes of the meeting", sat, Options{}, nil},
		{"days after an event", "He crossed the border days after the shooting. Hours after the vote he resigned.", sat, Options{}, []want{{"days", "DURATION", "PXD", ""}, {"Hours", "DURATION", "PTXH", ""}}},
		{"the days after", "in the days after and in the weeks before the vote, days after.", sat, Options{}, []want{{"the days", "DURATION", "PXD", ""}, {"the weeks", "DURATION", "PXW", ""}}},
		{"or between units", "He died within weeks or months of his capture.", sat, Options{}, []want{{"weeks or months", "DURATION", "PXW", ""}}},
		{"or after a unit", "for days or a decision", sat, Options{}, []want{{"days", "DURATION", "PXD", ""}}},
		{"age of a thing", "a decades-old conflict and a years-old slump", sat, Options{}, []want{{"decades-old", "DURATION", "PXDE", ""}, {"years-old", "DURATION", "PXY", ""}}},
		{"age of a person", "the 6-year-old boy, 52 years old, a 6-month-old son", sat, Options{}, nil},
		{"the past years", "Over the past years and the next months it grew.", sat, Options{}, []want{{"the past years", "DURATION", "PXY", ""}, {"the next months", "DURATION", "PXM", ""}}},
		{"the past with no unit", "In the past, the next step was rare.", sat, Options{}, []want{{"the past", "DATE", "PAST_REF", ""}}},
		{"half-century", "over the past half-century", sat, Options{}, []want{{"the past half-century", "DURATION", "P50Y", ""}}},
		{"half is no unit", "a half-back won half the vote", sat, Options{}, nil},
		{"clock time at about", "He called at about 8:15 on Friday. She left at around 9:40.", sat, Options{}, []want{{"about 8:15 on Friday", "TIME", "2025-04-11T08:15", "APPROX"}, {"around 9:40", "TIME", "2025-04-12T09:40", "APPROX"}}},
		{"ratio after about", "a ratio of about 3:1 and about 10:30", sat, Options{}, nil},
		{"wire time local", "The quake struck at 0215 local time.", sat, Options{}, []want{{"0215 local time", "TIME", "2025-04-12T02:15", ""}}},
		{"four digits before local", "Some 1500 local residents fled.", sat, Options{}, nil},
		// words that look like dates
		{"may the modal", "Iran may agree. They march on. The fall of the regime.", sat, Options{}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := Tag([]byte(c.in), c.ref, c.opt)
			var g []want
			for _, x := range got {
				g = append(g, want{x.Text, x.Type, x.Value, x.Mod})
			}
			if len(g) != len(c.want) {
				t.Fatalf("Tag(%q) = %+v, want %+v", c.in, g, c.want)
			}
			for i := range g {
				if g[i] != c.want[i] {
					t.Errorf("Tag(%q)[%d] = %+v, want %+v", c.in, i, g[i], c.want[i])
				}
			}
			checkSpans(t, []byte(c.in), got)
		})
	}
}

func TestWeekdayDateConflict(t *testing.T) {
	in := "The talks opened on Monday, July 14, 2015 in Vienna. They ended on Tuesday, July 14, 2015."
	got := Tag([]byte(in), day(2015, time.July, 20), Options{})
	if len(got) != 2 {
		t.Fatalf("got %d timexes: %+v", len(got), got)
	}
	if got[0].Conflict == "" || !strings.Contains(got[0].Conflict, "Tuesday") {
		t.Errorf("Monday, July 14, 2015: Conflict = %q, want a mismatch naming Tuesday", got[0].Conflict)
	}
	if !got[0].HasWeekday || got[0].Weekday != time.Monday || got[0].Value != "2015-07-14" {
		t.Errorf("first = %+v", got[0])
	}
	if got[1].Conflict != "" {
		t.Errorf("Tuesday, July 14, 2015 is consistent, got Conflict %q", got[1].Conflict)
	}
}

// Each article resolves against its own publication date.
func TestAcrossDocuments(t *testing.T) {
	one := func(text string, ref time.Time) Timex {
		t.Helper()
		got := Tag([]byte(text), ref, Options{})
		if len(got) != 1 {
			t.Fatalf("Tag(%q) = %+v, want one timex", text, got)
		}
		return got[0]
	}
	monday := one("the vote will be held on Thursday", day(2025, time.April, 7))
	friday := one("the vote held yesterday", day(2025, time.April, 11))
	later := one("last Wednesday's vote", day(2025, time.April, 14))
	if !Compatible(monday, friday) {
		t.Errorf("%s (%s) and %s (%s) should agree", monday.Text, monday.Value, friday.Text, friday.Value)
	}
	if Compatible(later, monday) || Compatible(later, friday) {
		t.Errorf("%s (%s) should contradict %s and %s", later.Text, later.Value, monday.Value, friday.Value)
	}
}

func TestCompatible(t *testing.T) {
	tag := func(s string) Timex {
		t.Helper()
		got := Tag([]byte(s), sat, Options{})
		if len(got) != 1 {
			t.Fatalf("Tag(%q) = %+v", s, got)
		}
		return got[0]
	}
	untagged := func(s string) Timex {
		t.Helper()
		got := Tag([]byte(s), time.Time{}, Options{})
		if len(got) != 1 {
			t.Fatalf("Tag(%q) = %+v", s, got)
		}
		return got[0]
	}
	cases := []struct {
		a, b Timex
		want bool
	}{
		{tag("April 2025"), tag("12 April 2025"), true},
		{tag("12 April 2025"), tag("11 April 2025"), false},
		{tag("2025"), tag("the third quarter of 2025"), true},
		{tag("2024"), tag("the third quarter of 2025"), false},
		{untagged("Friday"), untagged("Saturday"), false},
		{untagged("Friday"), untagged("Friday"), true},
		{untagged("Saturday"), tag("12 April 2025"), true},
		{untagged("Friday"), tag("12 April 2025"), false},
		{tag("more than 2-1/2 hours"), tag("over two hours"), true},
		{tag("two to three weeks"), tag("20 days"), true},
		{tag("two to three weeks"), tag("a month"), false},
		{tag("about three hours"), tag("four hours"), false},
		{tag("about three hours"), tag("3-1/2 hours"), true},
		{tag("less than two hours"), tag("four hours"), false},
		{tag("now"), tag("April 2025"), true},
		{tag("four hours"), tag("April 2025"), true},
	}
	for _, c := range cases {
		if got := Compatible(c.a, c.b); got != c.want {
			t.Errorf("Compatible(%q %s, %q %s) = %v, want %v", c.a.Text, c.a.Value, c.b.Text, c.b.Value, got, c.want)
		}
		if got := Compatible(c.b, c.a); got != c.want {
			t.Errorf("Compatible not symmetric for %q, %q", c.a.Text, c.b.Text)
		}
	}
}

func TestDurationBounds(t *testing.T) {
	const d = 24 * time.Hour
	cases := []struct {
		in       string
		min, max time.Duration
		mod      string
	}{
		{"more than 2-1/2 hours", 150 * time.Minute, math.MaxInt64, "MORE_THAN"},
		{"about ten days", 8 * d, 12 * d, "APPROX"},
		// a range keeps both ends
		{"two to three weeks", 14 * d, 21 * d, ""},
		{"one or two days", d, 2 * d, ""},
		{"3-4 hours", 3 * time.Hour, 4 * time.Hour, ""},
		{"about two to three hours", 96 * time.Minute, 216 * time.Minute, "APPROX"},
	}
	for _, c := range cases {
		got := Tag([]byte(c.in), sat, Options{})
		if len(got) != 1 || got[0].Text != c.in || got[0].DurMin != c.min || got[0].DurMax != c.max || got[0].Mod != c.mod {
			t.Errorf("Tag(%q) = %+v, want [%v, %v] %s", c.in, got, c.min, c.max, c.mod)
		}
	}
}

func TestMask(t *testing.T) {
	in := "<!-- Friday --> The talks began on Friday."
	mask := func(off int) bool { return off < 15 }
	got := Tag([]byte(in), sat, Options{Mask: mask})
	if len(got) != 1 || got[0].Start != strings.LastIndex(in, "Friday") {
		t.Fatalf("got %+v", got)
	}
}

func TestLexicon(t *testing.T) {
	for w := range lexicon {
		if len(w) > maxLexLen || strings.ToLower(w) != w {
			t.Errorf("lexicon word %q: longer than %d or not lower-case", w, maxLexLen)
		}
	}
	// token.lx holds a slot number plus one in 16 bits
	if n := len(lexTab.entries); n >= 1<<16 {
		t.Errorf("lexicon table has %d slots; token.lx holds at most %d", n, 1<<16-1)
	}
	// Tag holds a token per four bytes of input: keep it small
	if n := unsafe.Sizeof(token{}); n > 16 {
		t.Errorf("token is %d bytes, want at most 16", n)
	}
}

func checkSpans(t *testing.T, in []byte, got []Timex) {
	t.Helper()
	prev := 0
	for i, x := range got {
		if x.Start < prev || x.End <= x.Start || x.End > len(in) {
			t.Fatalf("timex %d %+v: span out of order or bounds (prev end %d, len %d)", i, x, prev, len(in))
		}
		if x.Text != string(in[x.Start:x.End]) {
			t.Fatalf("timex %d: Text %q != input span %q", i, x.Text, in[x.Start:x.End])
		}
		prev = x.End
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{
		"The talks began on Friday, April 11, 2025 at 11 pm GMT.",
		"more than 2-1/2 hours", "the 1990s", "'80s", "12/04/2025", "2025-04-12", "two-and-a-half-hour",
		"the first half of the year", "the end of", "Saturday (April 12", "a minute and a half", "9999-99-99",
		"Christmas Eve 2024", "every Monday night", "11\u201312 July", "4 a.m. EDT Thursday", "fiscal year 1989",
		"24 hours a day", "two to three weeks", "Q3 2012", "at dawn Friday", "the week of March 6", "7.30am", "April 3 at 10 a.m.",
		"the day before last Tuesday", "the eighth day", "Tuesday nights", "every other week",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, in []byte, withRef bool) {
		ref := time.Time{}
		if withRef {
			ref = sat
		}
		got := Tag(in, ref, Options{})
		checkSpans(t, in, got)
		for _, x := range got {
			if x.Type == "" || x.Value == "" {
				t.Fatalf("empty type or value: %+v", x)
			}
		}
	})
}
